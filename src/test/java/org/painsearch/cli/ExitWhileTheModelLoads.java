package org.painsearch.cli;

import ai.onnxruntime.OrtEnvironment;
import java.util.Arrays;
import org.painsearch.vectors.OnnxEmbedder;
import sun.misc.Signal;

/**
 * A process for {@link StopWhileTheModelLoadsTest}: starts loading the embedding model on a thread and, once that
 * thread is inside ONNX Runtime creating the session, sends itself SIGTERM; a shutdown hook waits for the load, as
 * serve's orderly stop does. Argument {@code signals}: with
 * painsearch's handling of signals, as {@link Main} installs it; {@code plain}: with the JVM's own, which (run by
 * hand) ends in ONNX Runtime's native fault, exit code 134 and an {@code hs_err} file.
 */
public final class ExitWhileTheModelLoads {
    private ExitWhileTheModelLoads() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("signals")) {
            Signals.install();
        }
        OrtEnvironment.getEnvironment(); // ONNX Runtime is loaded and its shutdown hook registered
        var loader = Thread.ofPlatform().daemon().name("model-load").start(() -> new OnnxEmbedder().load());
        // As serve's orderly stop does (closing the embeddings): the JVM keeps running until the load is over.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                loader.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        while (!creatingSession(loader)) {
            if (!loader.isAlive()) {
                System.out.println("the model loaded before it could be interrupted");
                System.exit(3);
            }
            Thread.onSpinWait();
        }
        // Inside the session's creation, where ONNX Runtime's setup uses its environment (and faulted once that was
        // released). The whole creation takes 120 to 500 ms here, idle to busy: 50 ms in is well inside it.
        Thread.sleep(50);
        System.out.println("sending SIGTERM while creating the session: " + creatingSession(loader));
        Signal.raise(new Signal("TERM"));
        loader.join();
        Thread.sleep(60_000); // the signal's exit ends this
    }

    private static boolean creatingSession(Thread loader) {
        return Arrays.stream(loader.getStackTrace()).anyMatch(f -> f.getMethodName().equals("createSession"));
    }
}
