package org.painsearch.crawl;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** The robots.txt rules of each origin, parsed by crawler-commons for the {@code painsearch} agent and cached per crawl. */
final class Robots {
    /** The product token robots.txt groups are matched against. */
    static final String AGENT = "painsearch";

    private final ConcurrentHashMap<String, CompletableFuture<BaseRobotRules>> byOrigin = new ConcurrentHashMap<>();

    /** Loads robots.txt for an origin, once; {@code load} fetches and parses it. */
    interface Loader {
        BaseRobotRules load(String origin) throws InterruptedException;
    }

    /** The rules for {@code origin}, loading them on first use (other threads asking meanwhile wait for that load). */
    BaseRobotRules rules(String origin, Loader loader) throws InterruptedException {
        var mine = new CompletableFuture<BaseRobotRules>();
        var existing = byOrigin.putIfAbsent(origin, mine);
        if (existing != null) {
            return existing.join();
        }
        try {
            mine.complete(loader.load(origin));
        } catch (InterruptedException | RuntimeException e) {
            byOrigin.remove(origin);
            mine.completeExceptionally(e);
            throw e;
        }
        return mine.join();
    }

    /** Rules from a robots.txt body. */
    static BaseRobotRules parse(String robotsUrl, byte[] body, String contentType) {
        var parser = new SimpleRobotRulesParser();
        // crawler-commons refuses a whole site whose Crawl-delay exceeds its maximum; painsearch caps the delay instead.
        parser.setMaxCrawlDelay(Long.MAX_VALUE);
        return parser.parseContent(robotsUrl, body, contentType == null ? "text/plain" : contentType, List.of(AGENT));
    }

    /** Rules for a robots.txt that could not be fetched: allow all after a 4xx, defer the host after a 5xx or error. */
    static BaseRobotRules unavailable(int status) {
        return new SimpleRobotRulesParser().failedFetch(status);
    }

    /** The Crawl-delay the rules ask for, capped at {@link CrawlConfig#MAX_CRAWL_DELAY}; zero when none. */
    static Duration crawlDelay(BaseRobotRules rules) {
        long ms = rules.getCrawlDelay();
        if (ms == BaseRobotRules.UNSET_CRAWL_DELAY || ms <= 0) {
            return Duration.ZERO;
        }
        Duration d = Duration.ofMillis(ms);
        return d.compareTo(CrawlConfig.MAX_CRAWL_DELAY) > 0 ? CrawlConfig.MAX_CRAWL_DELAY : d;
    }
}
