package org.painsearch.crawl;

import org.painsearch.corpus.Document;

/** Where processing an address reports to: new addresses for the frontier, outcomes, and documents written. */
interface CrawlSink {
    /** Queues {@code task} unless its address was seen; null is ignored. */
    void enqueue(Task task);

    /** Marks an address reached through a redirect as seen; false when it already was. */
    boolean claim(String url);

    void outcome(UrlOutcome outcome);

    void stored(Document document);
}
