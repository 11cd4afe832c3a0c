package org.painsearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's one-minute load average, sampled every few seconds while the bench runs: figures measured on a
 * shared machine mean little without it.
 */
final class LoadWatch implements AutoCloseable {
    private static final Path LOADAVG = Path.of("/proc/loadavg");
    private static final long SAMPLE_MILLIS = 5_000;

    private final double start;
    private volatile double max;
    private volatile double last;
    private final Thread sampler;

    LoadWatch() {
        start = read();
        max = start;
        last = start;
        sampler = Thread.ofPlatform().daemon().name("bench-load").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(SAMPLE_MILLIS);
                    sample();
                }
            } catch (InterruptedException e) {
                // closed
            }
        });
    }

    /** The load averages seen so far. */
    LoadAverage load() {
        sample();
        return new LoadAverage(start, max, last);
    }

    private synchronized void sample() {
        last = read();
        max = Math.max(max, last);
    }

    // NaN where /proc/loadavg does not exist; the table then shows no load.
    private static double read() {
        try {
            return Double.parseDouble(Files.readString(LOADAVG).split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
