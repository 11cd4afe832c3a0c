package org.painsearch.vectors;

import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The sentence-embedding models painsearch can run in-process; each ships inside its Maven artifact, so nothing is
 * downloaded. Both read English text and give 384 numbers; they differ in quality, speed and in how a query is put.
 */
public enum EmbeddingModel {
    /** all-MiniLM-L6-v2, quantized: 6 layers, fast; queries and passages are embedded alike. */
    MINILM("all-minilm-l6-v2-q", "", AllMiniLmL6V2QuantizedEmbeddingModel::new),
    /** bge-small-en-v1.5, quantized: 12 layers, about twice as slow; a short query is prefixed as its authors advise. */
    BGE_SMALL("bge-small-en-v15-q", "Represent this sentence for searching relevant passages: ",
            BgeSmallEnV15QuantizedEmbeddingModel::new);

    /** The model used when none is configured; chosen by measurement (see README, Relevance). */
    public static final EmbeddingModel DEFAULT = BGE_SMALL;

    private final String id;
    private final String queryPrefix;
    private final Function<Executor, AbstractInProcessEmbeddingModel> loader;

    EmbeddingModel(String id, String queryPrefix, Function<Executor, AbstractInProcessEmbeddingModel> loader) {
        this.id = id;
        this.queryPrefix = queryPrefix;
        this.loader = loader;
    }

    /** The model's name in caches and configuration. */
    public String id() {
        return id;
    }

    /** What goes before a query's text when it is embedded. */
    String queryPrefix() {
        return queryPrefix;
    }

    AbstractInProcessEmbeddingModel load(Executor executor) {
        return loader.apply(executor);
    }

    /** Parses a model name ({@code minilm}, {@code bge-small} or a full id); blank gives {@link #DEFAULT}. */
    public static EmbeddingModel parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (EmbeddingModel m : values()) {
            if (m.id.equals(v) || m.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(v)) {
                return m;
            }
        }
        throw new IllegalArgumentException("the embedding model must be minilm or bge-small (got: " + value + ")");
    }
}
