package org.painsearch.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.painsearch.vectors.OnnxEmbedder;
import sun.misc.Signal;

/**
 * Ctrl+C and {@code kill} (SIGINT, SIGTERM) stop a command in order: the embedding model's work under way finishes
 * first, then the JVM exits as it would have, running every shutdown hook (the server's orderly stop among them).
 * Without this, ONNX Runtime's own hook releases its environment while a model is still loading and the process
 * dies of a native fault. A second signal while stopping ends the process at once.
 * <p>The JDK has no supported API for this; {@code sun.misc.Signal} is the one it keeps for it (JEP 260).
 */
final class Signals {
    // Loading the model takes a second or two; a run of it on a batch of passages a few seconds at most.
    private static final Duration MODEL_WORK_LIMIT = Duration.ofSeconds(30);
    private static final AtomicBoolean STOPPING = new AtomicBoolean();

    private Signals() {
    }

    /** Takes over SIGINT and SIGTERM for this process; where the platform or the JVM keeps one, it is left alone. */
    static void install() {
        for (String name : List.of("INT", "TERM")) {
            try {
                Signal.handle(new Signal(name), Signals::stop);
            } catch (IllegalArgumentException e) {
                // not a signal here (another platform), or the JVM's own (-Xrs): its default handling stays
            }
        }
    }

    private static void stop(Signal signal) {
        int code = 128 + signal.getNumber(); // what the JVM's own handling exits with
        if (!STOPPING.compareAndSet(false, true)) {
            Runtime.getRuntime().halt(code); // asked again while stopping: she wants it gone now
        }
        try {
            OnnxEmbedder.finishBeforeExit(MODEL_WORK_LIMIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.exit(code);
    }
}
