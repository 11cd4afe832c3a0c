package org.painsearch.crawl;

/**
 * An address waiting in the frontier.
 *
 * @param depth    links followed from the seed to reach it
 * @param maxDepth the seed's limit, carried along so links from this page know whether to go on
 * @param prefix   the seed's scope: links are followed only to addresses starting with it
 */
record Task(String url, int depth, int maxDepth, String prefix) {
    Task {
        if (url == null || prefix == null || depth < 0) {
            throw new IllegalArgumentException("a task needs an address, a scope and a depth");
        }
    }

    static Task of(Seed seed) {
        return new Task(seed.url(), 0, seed.maxDepth(), seed.prefix());
    }

    /** The task for a link on this page, or null when it is out of scope or too deep. */
    Task link(String target) {
        if (target == null || depth + 1 > maxDepth || !target.startsWith(prefix)) {
            return null;
        }
        return new Task(target, depth + 1, maxDepth, prefix);
    }

    String origin() {
        return UrlNormalizer.origin(url);
    }
}
