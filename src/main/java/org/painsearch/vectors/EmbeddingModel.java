package org.painsearch.vectors;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.io.IOException;
import java.util.Locale;

/**
 * The sentence-embedding models painsearch can run in-process; each ships inside its Maven artifact, so nothing is
 * downloaded. Both read English text and give 384 numbers; they differ in quality, speed and in how a query is put.
 */
public enum EmbeddingModel {
    /** all-MiniLM-L6-v2, quantized: 6 layers, fast; queries and passages are embedded alike. */
    MINILM("all-minilm-l6-v2-q", "", AllMiniLmL6V2QuantizedEmbeddingModel.class, "all-minilm-l6-v2-q", PoolingMode.MEAN),
    /** bge-small-en-v1.5, quantized: 12 layers, about twice as slow; a short query is prefixed as its authors advise. */
    BGE_SMALL("bge-small-en-v15-q", "Represent this sentence for searching relevant passages: ",
            BgeSmallEnV15QuantizedEmbeddingModel.class, "bge-small-en-v1.5-q", PoolingMode.CLS);

    /** How many numbers every model gives a text. */
    public static final int DIMENSION = 384;

    /** The model used when none is configured; chosen by measurement (see README, Relevance). */
    public static final EmbeddingModel DEFAULT = BGE_SMALL;

    private final String id;
    private final String queryPrefix;
    // The model and tokenizer files inside the artifact that ships them, and how its token vectors are pooled: read
    // here rather than through the artifact's own class, so that painsearch sets how ONNX Runtime uses the cores.
    private final Class<?> artifact;
    private final String files;
    private final PoolingMode pooling;

    EmbeddingModel(String id, String queryPrefix, Class<?> artifact, String files, PoolingMode pooling) {
        this.id = id;
        this.queryPrefix = queryPrefix;
        this.artifact = artifact;
        this.files = files;
        this.pooling = pooling;
    }

    /** The model's name in caches and configuration. */
    public String id() {
        return id;
    }

    /** What goes before a query's text when it is embedded. */
    String queryPrefix() {
        return queryPrefix;
    }

    /** The model run by {@code session}'s options, one text at a time on the calling thread. */
    OnnxBertBiEncoder load(OrtEnvironment env, OrtSession.SessionOptions options) throws OrtException, IOException {
        byte[] model;
        try (var in = artifact.getResourceAsStream("/" + files + ".onnx")) {
            model = in.readAllBytes();
        }
        return new OnnxBertBiEncoder(env, env.createSession(model, options),
                artifact.getResourceAsStream("/" + files + "-tokenizer.json"), pooling);
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
