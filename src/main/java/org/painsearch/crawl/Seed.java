package org.painsearch.crawl;

/**
 * Where a crawl starts: an address, how far links are followed from it, and which addresses count as its site.
 *
 * @param url      a normalized http(s) address
 * @param scope    {@code HOST}: anything on the same scheme, host and port; {@code PATH}: only under the seed's folder
 * @param maxDepth links followed from the seed: 0 fetches the seed alone
 */
public record Seed(String url, Scope scope, int maxDepth) {
    /** How far a seed's site reaches. */
    public enum Scope { HOST, PATH }

    public Seed {
        String n = UrlNormalizer.normalize(url);
        if (n == null) {
            throw new IllegalArgumentException("not an http or https address: " + url);
        }
        url = n;
        scope = scope == null ? Scope.HOST : scope;
        if (maxDepth < 0) {
            throw new IllegalArgumentException("max-depth must be 0 or more (got: " + maxDepth + " for " + url + ")");
        }
    }

    /** The prefix every in-scope address starts with. */
    public String prefix() {
        String origin = UrlNormalizer.origin(url);
        if (scope == Scope.HOST) {
            return origin + "/";
        }
        String noQuery = url.replaceFirst("[?#].*", "");
        return noQuery.substring(0, noQuery.lastIndexOf('/') + 1);
    }
}
