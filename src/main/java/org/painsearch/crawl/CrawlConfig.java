package org.painsearch.crawl;

import java.time.Duration;
import java.util.Set;

/**
 * How a crawl behaves: its budget, politeness, timeouts and limits, and which addresses it may reach.
 *
 * @param maxPages      addresses from the frontier visited in one run; the rest stay queued for the next run
 * @param delay         time between two requests to one host; below one second only for loopback hosts
 * @param allowPrivate  whether loopback, private, link-local and multicast addresses may be fetched
 * @param allowedHosts  host names or literal addresses allowed even when {@code allowPrivate} is false (for embedding)
 * @param readTimeout   time allowed for a whole answer, headers and body
 * @param maxRetryWait  the longest {@code Retry-After} honoured; a server asking for more is given up on
 * @param retryBackoff  the first wait before retrying a 429 or 503 without {@code Retry-After}; doubled each time
 */
public record CrawlConfig(int maxPages, Duration delay, boolean allowPrivate, Set<String> allowedHosts,
                          Duration connectTimeout, Duration readTimeout, long maxBodyBytes, int maxRedirects,
                          int maxRetries, Duration maxRetryWait, Duration retryBackoff, int parallelHosts,
                          String userAgent) {
    /** The project's address, given in the User-Agent so site owners can find out who is crawling. */
    public static final String PROJECT_URL = "https://github.com/painsearch/painsearch";
    /** The least time between requests to a host that is not this machine. */
    public static final Duration MIN_PUBLIC_DELAY = Duration.ofSeconds(1);
    /** A robots.txt Crawl-delay longer than this is shortened to it. */
    public static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(30);

    public CrawlConfig {
        if (maxPages < 1) {
            throw new IllegalArgumentException("--max-pages must be at least 1 (got: " + maxPages + ")");
        }
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("--delay must be 0 or more seconds");
        }
        if (maxBodyBytes < 1 || maxRedirects < 0 || maxRetries < 0 || parallelHosts < 1) {
            throw new IllegalArgumentException("body cap, redirects, retries and parallel hosts must be positive");
        }
        allowedHosts = allowedHosts == null ? Set.of() : Set.copyOf(allowedHosts);
        userAgent = userAgent == null || userAgent.isBlank() ? defaultUserAgent() : userAgent;
    }

    /** painsearch's defaults: 1 s between requests, 10 MB bodies, 5 redirects, private addresses refused. */
    public static CrawlConfig defaults() {
        return new CrawlConfig(1000, MIN_PUBLIC_DELAY, false, Set.of(), Duration.ofSeconds(10), Duration.ofSeconds(30),
                10L * 1024 * 1024, 5, 3, Duration.ofSeconds(120), Duration.ofSeconds(2), 8, null);
    }

    /** {@code painsearch/<version> (+<project url>)}. */
    public static String defaultUserAgent() {
        String v = CrawlConfig.class.getPackage().getImplementationVersion();
        return "painsearch/" + (v == null ? "dev" : v) + " (+" + PROJECT_URL + ")";
    }

    public CrawlConfig withMaxPages(int n) {
        return new CrawlConfig(n, delay, allowPrivate, allowedHosts, connectTimeout, readTimeout, maxBodyBytes,
                maxRedirects, maxRetries, maxRetryWait, retryBackoff, parallelHosts, userAgent);
    }

    public CrawlConfig withDelay(Duration d) {
        return new CrawlConfig(maxPages, d, allowPrivate, allowedHosts, connectTimeout, readTimeout, maxBodyBytes,
                maxRedirects, maxRetries, maxRetryWait, retryBackoff, parallelHosts, userAgent);
    }

    public CrawlConfig withAllowPrivate(boolean allow) {
        return new CrawlConfig(maxPages, delay, allow, allowedHosts, connectTimeout, readTimeout, maxBodyBytes,
                maxRedirects, maxRetries, maxRetryWait, retryBackoff, parallelHosts, userAgent);
    }

    public CrawlConfig withAllowedHosts(Set<String> hosts) {
        return new CrawlConfig(maxPages, delay, allowPrivate, hosts, connectTimeout, readTimeout, maxBodyBytes,
                maxRedirects, maxRetries, maxRetryWait, retryBackoff, parallelHosts, userAgent);
    }

    public CrawlConfig withTimeouts(Duration connect, Duration read) {
        return new CrawlConfig(maxPages, delay, allowPrivate, allowedHosts, connect, read, maxBodyBytes,
                maxRedirects, maxRetries, maxRetryWait, retryBackoff, parallelHosts, userAgent);
    }

    public CrawlConfig withMaxBodyBytes(long bytes) {
        return new CrawlConfig(maxPages, delay, allowPrivate, allowedHosts, connectTimeout, readTimeout, bytes,
                maxRedirects, maxRetries, maxRetryWait, retryBackoff, parallelHosts, userAgent);
    }

    public CrawlConfig withRetries(int retries, Duration maxWait, Duration backoff) {
        return new CrawlConfig(maxPages, delay, allowPrivate, allowedHosts, connectTimeout, readTimeout,
                maxBodyBytes, maxRedirects, retries, maxWait, backoff, parallelHosts, userAgent);
    }
}
