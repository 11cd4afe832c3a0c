package org.painsearch.crawl;

import org.painsearch.corpus.Document;

/** Where processing an address reports to: new addresses for the frontier, outcomes, and documents written. */
interface CrawlSink {
    /** Queues {@code task} unless its address was seen; null is ignored. */
    void enqueue(Task task);

    /**
     * Reserves an address reached through a redirect, to be handled under the address that led there; false when it
     * was seen. It counts as done only once that address is, so a run killed in between handles it again.
     */
    boolean claim(String url);

    void outcome(UrlOutcome outcome);

    void stored(Document document);
}
