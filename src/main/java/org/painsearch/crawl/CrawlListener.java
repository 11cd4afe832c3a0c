package org.painsearch.crawl;

import org.painsearch.corpus.Document;

/** Hears a crawl as it goes, from its worker threads: each address's outcome and each document written. */
public interface CrawlListener {
    /** One address is done; {@code progress} holds the counts including it. */
    default void outcome(UrlOutcome outcome, CrawlProgress progress) {
    }

    /** A document was written to the corpus (new or changed), with its path: index it now. */
    default void stored(Document document) {
    }

    CrawlListener NONE = new CrawlListener() {
    };
}
