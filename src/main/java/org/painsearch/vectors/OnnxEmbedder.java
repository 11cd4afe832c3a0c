package org.painsearch.vectors;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One {@link EmbeddingModel}, run by ONNX Runtime inside this process. Loading takes about a second, so it happens
 * on first use.
 */
public final class OnnxEmbedder implements Embedder {
    // One text at a time, each spread over every core by ONNX Runtime itself, with its threads sleeping rather than
    // spinning between operations: on two shared cores this embedded about twice as many passages per second as
    // one text per core or spinning threads (README, Vectors).
    private static final int INTRA_OP_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    // Work inside ONNX Runtime: loading a model or running one (read locks), and the exit, which waits for it (the
    // write lock). ONNX Runtime releases its environment in a shutdown hook of its own, which runs as the JVM exits
    // beside every other hook and whatever still uses it: a session being created then faults the whole process
    // (a native crash report instead of a clean stop, seen on Ctrl+C in the first seconds of serve).
    private static final ReentrantReadWriteLock NATIVE_WORK = new ReentrantReadWriteLock();
    private static volatile boolean exiting;

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
        NATIVE_WORK.readLock().lock();
        try {
            if (exiting) {
                throw new CancellationException("painsearch is stopping, so the embedding model no longer runs");
            }
            return model().embedAll(segments).content().stream().map(e -> e.vector()).toList();
        } finally {
            NATIVE_WORK.readLock().unlock();
        }
    }

    /**
     * Before the JVM exits: waits up to {@code limit} for every load or run of a model under way to finish, and lets
     * no other begin (one asked for from now on fails with a {@link CancellationException}).
     */
    public static void finishBeforeExit(Duration limit) throws InterruptedException {
        exiting = true;
        var all = NATIVE_WORK.writeLock();
        if (all.tryLock(limit.toNanos(), TimeUnit.NANOSECONDS)) {
            all.unlock(); // work that waited for the lock meets the exiting flag
        }
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
                    var loaded = open();
                    // The calling thread runs each text: the parallelism is inside ONNX Runtime.
                    model = new AbstractInProcessEmbeddingModel(Runnable::run) {
                        @Override
                        protected OnnxBertBiEncoder model() {
                            return loaded;
                        }
                    };
                }
                m = model;
            }
        }
        return m;
    }

    private OnnxBertBiEncoder open() {
        // The options stay open for the session's life (it is never closed: see close).
        var options = new OrtSession.SessionOptions();
        try {
            options.setIntraOpNumThreads(INTRA_OP_THREADS);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            return which.load(OrtEnvironment.getEnvironment(), options);
        } catch (OrtException e) {
            throw new IllegalStateException("the embedding model " + which.id() + " could not be loaded: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("the embedding model " + which.id() + " could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public int dimension() {
        return EmbeddingModel.DIMENSION;
    }

    @Override
    public String name() {
        return which.id();
    }

    @Override
    public void close() {
        // The session stays open: a search may still be embedding its query as the process ends.
    }
}
