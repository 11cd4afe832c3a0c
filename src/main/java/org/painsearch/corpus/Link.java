package org.painsearch.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A link written in a note: {@code [[id]]}, {@code [[id|label]]}, {@code [[id#t=00:12:30]]} (a podcast moment),
 * {@code [[doi:10.1000/xyz]]}, or a bare address that may match a document's url.
 *
 * @param atSeconds the podcast moment, or -1
 * @param bare      true for a bare address found in the text rather than a {@code [[...]]} link
 */
public record Link(String target, String label, long atSeconds, boolean bare) {
    private static final Pattern WIKI_LINK =
            Pattern.compile("\\[\\[(?!\\s*[\\]|#])([^\\]|#\\n]+?)(?:#t=([0-9:.]+))?(?:\\|([^\\]\\n]*))?]]");
    private static final Pattern BARE_URL = Pattern.compile("https?://[^\\s<>()\\[\\]\"'`]+");
    private static final String DOI_PREFIX = "doi:";

    public Link {
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("link target must not be blank");
        }
        target = target.strip();
        label = label == null || label.isBlank() ? null : label.strip();
    }

    /** A {@code [[...]]} link. */
    public Link(String target, String label, long atSeconds) {
        this(target, label, atSeconds, false);
    }

    /** A link and where it stands in the text. */
    public record Located(Link link, int start, int end) {
    }

    /**
     * The key under which the index records this link: the id itself, {@code doi:<lowercase doi>}, or
     * {@code url:<normalized address>}; documents answer to the same keys (see {@link #keysOf}).
     */
    public String key() {
        if (bare || target.regionMatches(true, 0, "http://", 0, 7) || target.regionMatches(true, 0, "https://", 0, 8)) {
            return "url:" + urlKey(target);
        }
        if (target.regionMatches(true, 0, DOI_PREFIX, 0, DOI_PREFIX.length())) {
            return DOI_PREFIX + target.substring(DOI_PREFIX.length()).strip().toLowerCase(Locale.ROOT);
        }
        return target;
    }

    /** The keys a document answers to: its id, its DOI and its address. */
    public static List<String> keysOf(String id, String doi, String url) {
        var keys = new ArrayList<String>();
        keys.add(id);
        if (doi != null && !doi.isBlank()) {
            keys.add(DOI_PREFIX + doi.strip().toLowerCase(Locale.ROOT));
        }
        if (url != null && !url.isBlank()) {
            keys.add("url:" + urlKey(url));
        }
        return keys;
    }

    /** Every {@code [[...]]} link in a Markdown body, in order of appearance. */
    public static List<Link> parseAll(String body) {
        return locateAll(body).stream().filter(l -> !l.link().bare()).map(Located::link).toList();
    }

    /** Every link with its place: {@code [[...]]} links and bare addresses outside them, in order. */
    public static List<Located> locateAll(String body) {
        var found = new ArrayList<Located>();
        if (body == null) {
            return found;
        }
        // Most texts hold no link at all: a plain search for what every link holds spares the patterns' scans.
        Matcher m = WIKI_LINK.matcher(body.contains("[[") ? body : "");
        while (m.find()) {
            found.add(new Located(fromMatch(m), m.start(), m.end()));
        }
        Matcher u = BARE_URL.matcher(body.contains("://") ? body : "");
        while (u.find()) {
            int start = u.start();
            String url = u.group().replaceAll("[.,;:!?]+$", "");
            boolean insideWikiLink = found.stream().anyMatch(l -> !l.link().bare() && l.start() <= start && start < l.end());
            if (!insideWikiLink) {
                found.add(new Located(new Link(url, null, -1, true), start, start + url.length()));
            }
        }
        found.sort(java.util.Comparator.comparingInt(Located::start));
        return found;
    }

    /** Replaces each {@code [[...]]} link in a body with what {@code render} returns for it. */
    public static String replaceAll(String body, Function<Link, String> render) {
        if (!body.contains("[[")) {
            return body;
        }
        Matcher m = WIKI_LINK.matcher(body);
        var out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(render.apply(fromMatch(m))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Lowercase address without scheme, "www.", fragment or trailing slash, so one source has one key. */
    public static String urlKey(String url) {
        String u = url.strip().toLowerCase(Locale.ROOT);
        u = u.replaceFirst("^[a-z][a-z0-9+.-]*://", "").replaceFirst("^www\\.", "");
        int hash = u.indexOf('#');
        if (hash >= 0) {
            u = u.substring(0, hash);
        }
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    private static Link fromMatch(Matcher m) {
        long at = m.group(2) == null ? -1 : Timestamps.parseSeconds(m.group(2));
        return new Link(m.group(1), m.group(3), at);
    }
}
