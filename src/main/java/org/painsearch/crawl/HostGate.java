package org.painsearch.crawl;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The way to one host: one request at a time (so one connection), each starting at least the host's delay after
 * the previous one ended, or later when the server asked to be left alone for a while.
 */
final class HostGate {
    /** A request made through the gate. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws java.io.IOException, InterruptedException;
    }

    private final ReentrantLock lock = new ReentrantLock(true);
    private volatile Duration delay;
    // Guarded by lock: when the last request ended, and a time before which the server asked to be left alone.
    private long lastEnd = System.nanoTime() - Duration.ofDays(1).toNanos();
    private long holdUntil = lastEnd;

    HostGate(Duration delay) {
        this.delay = delay;
    }

    /** Waits for the host's turn, runs {@code call}, and starts the delay when it ends. */
    <T> T run(Call<T> call) throws java.io.IOException, InterruptedException {
        lock.lockInterruptibly();
        try {
            // Measured at the start of each request, so a delay raised meanwhile (robots.txt) already counts.
            long wait = Math.max(lastEnd + delay.toNanos(), holdUntil) - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait); // the politeness delay itself
            }
            return call.run();
        } finally {
            lastEnd = System.nanoTime();
            lock.unlock();
        }
    }

    /** Keeps the host untouched for at least {@code wait} from now (a 429 or 503 with Retry-After). */
    void holdOff(Duration wait) {
        lock.lock();
        try {
            holdUntil = Math.max(holdUntil, System.nanoTime() + wait.toNanos());
        } finally {
            lock.unlock();
        }
    }

    /** Raises the delay, for a robots.txt Crawl-delay longer than the configured one. */
    void atLeast(Duration d) {
        if (d.compareTo(delay) > 0) {
            delay = d;
        }
    }

    Duration delay() {
        return delay;
    }
}
