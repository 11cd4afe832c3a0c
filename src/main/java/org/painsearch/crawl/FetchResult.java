package org.painsearch.crawl;

/** What fetching one address came to, after redirects, retries and every check. */
sealed interface FetchResult {
    /** The address the answer came from (the last hop of a redirect chain). */
    String url();

    /**
     * An answer to use: fresh, or the stored copy when the server said 304 Not Modified ({@code unchanged}).
     *
     * @param robotsTag the {@code X-Robots-Tag} header, or empty
     */
    record Fetched(String url, String contentType, byte[] body, String robotsTag, boolean unchanged) implements FetchResult {
    }

    /** Not fetched on purpose: robots.txt, a private address, a body over the cap. */
    record Skipped(String url, String reason) implements FetchResult {
    }

    /** Could not be fetched; {@code status} is the HTTP status, or 0 when there was no answer. */
    record Failed(String url, int status, String reason) implements FetchResult {
    }
}
