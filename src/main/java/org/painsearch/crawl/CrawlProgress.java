package org.painsearch.crawl;

/** Counts so far in a crawl; {@code skipped} includes excluded addresses. */
public record CrawlProgress(int fetched, int unchanged, int skipped, int failed, int queued, long elapsedMillis) {
    /** Addresses handled (fetched or unchanged) per second. */
    public double rate() {
        return elapsedMillis <= 0 ? 0 : (fetched + unchanged) * 1000.0 / elapsedMillis;
    }
}
