package org.painsearch.crawl;

import java.util.Map;

/**
 * How a crawl ended.
 *
 * @param stored    documents written (new or changed)
 * @param remaining addresses still queued when the run stopped (at --max-pages or when stopped); the next run resumes them
 * @param kinds     what each seed turned out to be (page, feed, sitemap, ...), for saving seeds to sources.yaml
 */
public record CrawlSummary(CrawlProgress progress, int stored, int remaining, boolean resumed, Map<String, String> kinds) {
    public CrawlSummary {
        kinds = Map.copyOf(kinds);
    }
}
