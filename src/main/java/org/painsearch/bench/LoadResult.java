package org.painsearch.bench;

/**
 * What one load run measured: requests completed, seconds, requests per second, median and 99th percentile
 * latency, and errors (failed connections, reads, writes, time-outs and answers other than 2xx or 3xx).
 */
record LoadResult(long requests, double seconds, double perSecond, double p50Ms, double p99Ms, long errors) {
    LoadResult {
        if (seconds <= 0) {
            throw new IllegalArgumentException("a load run takes some time (got: " + seconds + " s)");
        }
    }
}
