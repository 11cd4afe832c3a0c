package org.painsearch.crawl;

import java.util.List;

/** What a crawl did with one address; every outcome is appended to {@code corpus/.crawl/log.jsonl}. */
public sealed interface UrlOutcome {
    String url();

    /** {@code fetched}, {@code unchanged}, {@code skipped}, {@code excluded} or {@code failed}. */
    String status();

    /** Why, or what came of it, in one readable phrase. */
    String reason();

    /** The ids of the documents written or recorded for it. */
    default List<String> documents() {
        return List.of();
    }

    /**
     * Fetched and used.
     *
     * @param kind what the content turned out to be: page, feed, sitemap, text, transcript, episode
     */
    record Fetched(String url, String kind, String reason, List<String> documents) implements UrlOutcome {
        public Fetched {
            documents = List.copyOf(documents);
        }

        @Override
        public String status() {
            return "fetched";
        }
    }

    /** The server said 304 Not Modified, or the content gave the same documents as before. */
    record Unchanged(String url, String kind, String reason, List<String> documents) implements UrlOutcome {
        public Unchanged {
            documents = List.copyOf(documents);
        }

        @Override
        public String status() {
            return "unchanged";
        }
    }

    /**
     * Not fetched or not kept on purpose: robots.txt, a private address, a content type painsearch does not keep, a
     * page that is not an article.
     *
     * @param kind what the content turned out to be when it was fetched (a page whose links were followed), or null
     */
    record Skipped(String url, String kind, String reason) implements UrlOutcome {
        /** Skipped before its content was known. */
        public Skipped(String url, String reason) {
            this(url, null, reason);
        }

        @Override
        public String status() {
            return "skipped";
        }
    }

    /** Fetched, but the page itself asks to be left out (noindex) or names another address as canonical. */
    record Excluded(String url, String reason) implements UrlOutcome {
        @Override
        public String status() {
            return "excluded";
        }
    }

    /** Could not be fetched or read. */
    record Failed(String url, String reason) implements UrlOutcome {
        @Override
        public String status() {
            return "failed";
        }
    }
}
