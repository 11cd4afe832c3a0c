package org.painsearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child JVM the bench measures: started with the same java and flags as the launcher's, its output in a log file,
 * its peak resident memory sampled from {@code /proc/PID/status} (VmHWM, the kernel's high-water mark) until it ends.
 */
final class Child implements AutoCloseable {
    private static final Pattern HWM = Pattern.compile("(?m)^VmHWM:\\s+(\\d+) kB");
    // Below this share of one core over a quarter second, a server has no requests left in flight.
    private static final double IDLE_CORE_SHARE = 0.05;
    private static final long IDLE_WINDOW_MILLIS = 250;
    // /proc/PID/stat counts CPU time in clock ticks of 1/100 s on Linux.
    private static final double TICKS_PER_SECOND = 100;
    // VmHWM only rises; sampling this often catches all but a last rise in the final moments of a process.
    private static final long SAMPLE_MILLIS = 50;

    // Every child still running, so a bench stopped with Ctrl+C leaves no server or indexer behind.
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    private final Process process;
    private final Path log;
    private final long startedNanos;
    private final AtomicLong peakKb = new AtomicLong();

    private Child(Process process, Path log, long startedNanos) {
        this.process = process;
        this.log = log;
        this.startedNanos = startedNanos;
        Thread.ofPlatform().daemon().name("bench-rss-" + process.pid()).start(this::sample);
    }

    /** How to start child JVMs: the java binary, the jar, the install folder, extra JVM options. */
    record Jvm(Path java, Path jar, Path home, List<String> options) {
        Jvm {
            options = List.copyOf(options);
        }

        /** The same JVM with {@code more} options, such as {@code -Xmx512m}. */
        Jvm with(String... more) {
            var all = new ArrayList<>(options);
            all.addAll(List.of(more));
            return new Jvm(java, jar, home, all);
        }

        /** {@code painsearch ARGS}, as the launcher runs it. */
        List<String> painsearch(String... args) {
            var cmd = base();
            if (args.length > 0 && args[0].equals("reindex")) {
                cmd.add("-XX:+UseSerialGC"); // as the launcher starts reindex
            }
            cmd.addAll(List.of("-jar", jar.toString()));
            cmd.addAll(List.of(args));
            return cmd;
        }

        /** A bench main class from the same jar. */
        List<String> main(Class<?> main, String... args) {
            var cmd = base();
            cmd.addAll(List.of("-cp", jar.toString(), main.getName()));
            cmd.addAll(List.of(args));
            return cmd;
        }

        private List<String> base() {
            var cmd = new ArrayList<String>();
            cmd.add(java.toString());
            cmd.add("--enable-native-access=ALL-UNNAMED");
            cmd.add("-Dpainsearch.home=" + home);
            cmd.add("-Dpainsearch.terminal=false"); // its output goes to a log file
            cmd.addAll(options);
            return cmd;
        }
    }

    /** Starts {@code command} with standard output and error going to {@code log}. */
    static Child start(List<String> command, Path log) throws IOException {
        long started = System.nanoTime();
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().put("PAINSEARCH_CONFIG", "none"); // what is measured is set by flags, never by her file
        var process = builder.start();
        LIVE.add(process);
        process.onExit().thenAccept(LIVE::remove);
        return new Child(process, log, started);
    }

    /** Kills every child still running: what a bench interrupted midway does on its way out. */
    static void stopAll() {
        LIVE.forEach(Process::destroyForcibly);
    }

    /** Waits for the child to end; an exit code other than 0 or a time-out is an IOException with its log's end. */
    Duration awaitSuccess(Duration timeout) throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new IOException(what() + " did not finish within " + timeout.toMinutes() + " min" + logTail());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
        if (process.exitValue() != 0) {
            throw new IOException(what() + " failed with exit code " + process.exitValue() + logTail());
        }
        return took;
    }

    /** Waits until the log has a line matching {@code line}; returns its first group. */
    String awaitLine(Pattern line, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = line.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                return m.group(1);
            }
            if (!process.isAlive()) {
                throw new IOException(what() + " ended with exit code " + process.exitValue() + " before it was ready"
                        + logTail());
            }
            Thread.sleep(10);
        }
        close();
        throw new IOException(what() + " was not ready within " + timeout.toSeconds() + " s" + logTail());
    }

    /** Time since the child was started. */
    Duration age() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits until the child's CPU use falls to nearly nothing for a moment: work it was given (requests a load run
     * left in flight) is done.
     *
     * @throws IOException when it stays busy past {@code timeout}
     */
    void awaitIdle(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long before = cpuTicks();
        while (System.nanoTime() < deadline) {
            Thread.sleep(IDLE_WINDOW_MILLIS);
            long now = cpuTicks();
            if ((now - before) / TICKS_PER_SECOND < IDLE_CORE_SHARE * IDLE_WINDOW_MILLIS / 1000.0) {
                return;
            }
            before = now;
        }
        throw new IOException(what() + " was still busy " + timeout.toSeconds() + " s after its load ended");
    }

    // User plus system time (fields 14 and 15 of /proc/PID/stat, counted after the command name's closing parenthesis).
    private long cpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The highest VmHWM seen, in bytes. */
    long peakRssBytes() {
        return peakKb.get() * 1024;
    }

    private void sample() {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        while (process.isAlive()) {
            try {
                Matcher m = HWM.matcher(Files.readString(status));
                if (m.find()) {
                    peakKb.accumulateAndGet(Long.parseLong(m.group(1)), Math::max);
                }
                Thread.sleep(SAMPLE_MILLIS);
            } catch (IOException e) {
                return; // the process ended between the check and the read
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String what() {
        return "the child process (" + log.getFileName() + ")";
    }

    // Quoted in messages rather than pointed to: the log is in the scratch folder, deleted when the run ends.
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "; its output ended with:\n  "
                    + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /** Stops the child (SIGTERM, so a server unregisters itself) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
