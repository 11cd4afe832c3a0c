package org.painsearch.vectors;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * all-MiniLM-L6-v2 (quantized), run by ONNX Runtime inside this process; the model ships inside its Maven
 * artifact, so nothing is downloaded. Loading takes about a second, so it happens on first use.
 */
public final class OnnxEmbedder implements Embedder {
    // Texts of one call are embedded in parallel, one per core: ONNX Runtime does one text at a time well.
    private final ExecutorService pool = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
                var t = new Thread(r, "painsearch-embed");
                t.setDaemon(true);
                return t;
            });
    private volatile AllMiniLmL6V2QuantizedEmbeddingModel model;

    @Override
    public List<float[]> embed(List<String> texts) {
        var segments = texts.stream().map(t -> TextSegment.from(t.isBlank() ? "." : t)).toList();
        return model().embedAll(segments).content().stream().map(e -> e.vector()).toList();
    }

    private AllMiniLmL6V2QuantizedEmbeddingModel model() {
        var m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel(pool);
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
        return "all-minilm-l6-v2-q";
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
