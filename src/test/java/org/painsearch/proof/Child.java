package org.painsearch.proof;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.painsearch.cli.Main;

/** A painsearch command in a JVM of its own, its output read line by line, and killed with SIGKILL when asked. */
final class Child implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+)");

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());

    private Child(Process process) {
        this.process = process;
        Thread.ofVirtual().start(() -> {
            try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    all.add(line);
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process is gone
            }
        });
    }

    /** Starts {@code painsearch ARGS...} with the test's class path (words-only ranking: no model to load). */
    static Child start(Path corpus, Path index, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--corpus", corpus.toString(), "--index", index.toString(), "--ranking", "bm25"));
        return new Child(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Starts {@code serve} on a free port and returns it once it prints its address. */
    static Child serve(Path corpus, Path index) throws Exception {
        var child = start(corpus, index, "serve", "--port", "0");
        child.await(line -> SERVING.matcher(line).find(), 180);
        return child;
    }

    /** The address a {@code serve} child printed. */
    String url() {
        synchronized (all) {
            for (String line : all) {
                var m = SERVING.matcher(line);
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        throw new IllegalStateException("the server printed no address: " + all);
    }

    /** Waits until a line matching {@code wanted} is printed; fails after {@code seconds} or if the process ends. */
    String await(Predicate<String> wanted, int seconds) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < until) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && wanted.test(line)) {
                return line;
            }
            if (line == null && !process.isAlive() && lines.isEmpty()) {
                throw new AssertionError("the process ended (exit " + process.exitValue() + "): " + output());
            }
        }
        throw new AssertionError("nothing wanted printed within " + seconds + " s: " + output());
    }

    /** Counts printed lines matching {@code counted} until there are {@code n}. */
    void awaitCount(Predicate<String> counted, int n, int seconds) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            await(counted, seconds);
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the killed process did not end");
        }
    }

    /** Waits for the process to end by itself and returns its exit code. */
    int waitFor(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the process did not end within " + seconds + " s: " + output());
        }
        return process.exitValue();
    }

    String output() {
        synchronized (all) {
            return String.join("\n", all);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
