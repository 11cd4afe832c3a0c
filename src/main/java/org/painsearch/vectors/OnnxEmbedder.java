package org.painsearch.vectors;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One {@link EmbeddingModel}, run by ONNX Runtime inside this process. Loading takes about a second, so it happens
 * on first use.
 */
public final class OnnxEmbedder implements Embedder {
    // Texts of one call are embedded in parallel, one per core: ONNX Runtime does one text at a time well.
    private final ExecutorService pool = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
                var t = new Thread(r, "painsearch-embed");
                t.setDaemon(true);
                return t;
            });
    private final EmbeddingModel which;
    private volatile AbstractInProcessEmbeddingModel model;

    /** The default model. */
    public OnnxEmbedder() {
        this(EmbeddingModel.DEFAULT);
    }

    public OnnxEmbedder(EmbeddingModel which) {
        this.which = which;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        var segments = texts.stream().map(t -> TextSegment.from(t.isBlank() ? "." : t)).toList();
        return model().embedAll(segments).content().stream().map(e -> e.vector()).toList();
    }

    @Override
    public String queryText(String query) {
        return which.queryPrefix() + query;
    }

    @Override
    public void load() {
        // One text through the model too: the first run of a loaded model sets itself up and is slower than the next.
        embed(List.of("."));
    }

    private AbstractInProcessEmbeddingModel model() {
        var m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    model = which.load(pool);
                }
                m = model;
            }
        }
        return m;
    }

    @Override
    public int dimension() {
        return 384;
    }

    @Override
    public String name() {
        return which.id();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
