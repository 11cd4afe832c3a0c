package org.painsearch.crawl;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * One spelling per address, so the frontier never queues a page twice: crawler-commons' normalization (case,
 * default ports, dot segments, escapes, sorted query) with fragments and tracking parameters dropped.
 */
public final class UrlNormalizer {
    private static final List<String> TRACKING = List.of("utm_source", "utm_medium", "utm_campaign", "utm_term",
            "utm_content", "fbclid", "gclid", "mc_cid", "mc_eid");
    private static final BasicURLNormalizer NORMALIZER =
            BasicURLNormalizer.newBuilder().queryParamsToRemove(TRACKING).build();

    private UrlNormalizer() {
    }

    /** The normal form of an absolute http(s) address, or null when it is not one. */
    public static String normalize(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.strip();
        String lower = u.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return null;
        }
        String n = NORMALIZER.filter(u);
        if (n == null) {
            return null;
        }
        int hash = n.indexOf('#');
        n = hash >= 0 ? n.substring(0, hash) : n;
        try {
            URI uri = new URI(n);
            return uri.getHost() == null ? null : n;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** {@code href} resolved against {@code base} and normalized, or null. */
    public static String resolve(String base, String href) {
        if (href == null || href.isBlank()) {
            return null;
        }
        try {
            return normalize(URI.create(base).resolve(href.strip().replace(" ", "%20")).toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code scheme://host[:port]}: the unit robots.txt and politeness apply to. */
    public static String origin(String normalizedUrl) {
        URI u = URI.create(normalizedUrl);
        return u.getScheme() + "://" + u.getRawAuthority();
    }
}
