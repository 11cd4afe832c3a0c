package org.painsearch.bench;

import java.util.Arrays;

/**
 * A summary of measured request times: count, median and 99th percentile (nearest rank) in milliseconds.
 */
public record Latencies(int count, double p50Ms, double p99Ms) {
    public Latencies {
        if (count < 1) {
            throw new IllegalArgumentException("no request was measured");
        }
    }

    /** Summarizes times in nanoseconds. */
    public static Latencies ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no request was measured");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted.length, rank(sorted, 50) / 1e6, rank(sorted, 99) / 1e6);
    }

    // Nearest-rank percentile: the smallest value with at least p% of the values at or below it.
    static long rank(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
