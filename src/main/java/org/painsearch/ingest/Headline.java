package org.painsearch.ingest;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Finds the element showing an article's headline: a heading or short bold line whose text is the page title or
 * one part of it (titles are often "Headline | Section | Site"). The main text is usually right below it.
 */
final class Headline {
    private static final Pattern SEPARATORS = Pattern.compile("\\s+[|\\-–—:·•»«/\\\\]+\\s+|\\s*[|｜•·»«]\\s*|[:：]\\s+");
    private static final String CANDIDATES = "h1, h2, h3, h4, b, strong, span, div, td, p, font, a, header";
    private static final int MAX_CHARS = 250;
    private static final int MIN_KEY = 12;
    private static final int MAX_HEADLINE_WORDS = 25;
    private static final Pattern HOME = Pattern.compile("(?i)(\\.?/|(\\./)?index\\.\\w+|https?://[^/]+/?(index\\.\\w+)?)");
    private static final Pattern SHOWN_HEADLINE = Pattern.compile("(^|[^a-z])(headline|head_?line|(story|article|entry|post|"
            + "news)[-_]?(title|headline|head))([^a-z]|$)");
    private static final Evaluator HIDDEN = QueryParser.parse("[hidden], [aria-hidden=true], [style~=(?i)display\\s*:\\s*none]");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Headline() {
    }

    /**
     * The headline element under {@code body} for {@code title}, or null when none shows it; {@code siteName} (may
     * be null) is never taken for the headline.
     */
    static Element find(Element body, String title, String siteName) {
        return lines(body).find(title, siteName);
    }

    /** The short lines of a page that could be its headline, read once to be matched against several titles. */
    static Lines lines(Element body) {
        var found = new ArrayList<Line>();
        TextTally tally = TextTally.of(body);
        for (Element e : body.select(CANDIDATES)) {
            if (tally.length(e) > 2 * MAX_CHARS) {
                continue; // too long to be a headline: spare building its text
            }
            String text = e.text();
            if (!text.isEmpty() && text.length() <= MAX_CHARS) {
                found.add(new Line(e, key(text)));
            }
        }
        return new Lines(found);
    }

    private record Line(Element element, String key) {
    }

    /** Candidate headline lines with their comparison keys. */
    record Lines(List<Line> lines) {
        /** The line showing {@code title} (or the longest part of it that is not {@code siteName}), or null. */
        Element find(String title, String siteName) {
            if (title == null || title.isBlank()) {
                return null;
            }
            List<String> wanted = candidates(title, siteName);
            Element best = null;
            int bestRank = Integer.MAX_VALUE;
            for (Line line : lines) {
                int rank = wanted.indexOf(line.key());
                Element e = line.element();
                if (rank < 0 || e.closest(HIDDEN) != null || linksHome(e)) {
                    continue;
                }
                // Prefer the longest match, then headings over other tags, then the first on the page.
                int score = rank * 10 + (e.normalName().matches("h[1-4]") ? 0 : 5);
                if (score < bestRank) {
                    best = e;
                    bestRank = score;
                }
            }
            return best;
        }
    }

    /**
     * The headline a page shows when its title does not name it: its only {@code h1}, else the first element whose
     * class or id calls it a headline or title, when it reads like one (a few words, not a link list, not the site).
     */
    static Element shown(Element body, List<String> siteNames) {
        var h1 = body.select("h1");
        var candidates = new ArrayList<Element>();
        if (h1.size() == 1) {
            candidates.add(h1.first());
        }
        for (Element e : body.select("[class], [id]")) {
            String words = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
            if (SHOWN_HEADLINE.matcher(words).find() && e.closest("h2, h3, h4, h5, h6") == null) {
                candidates.add(e);
            }
        }
        var sites = siteNames.stream().filter(java.util.Objects::nonNull).map(Headline::key).toList();
        for (Element e : candidates) {
            String text = e.text();
            int words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
            if (words >= 3 && words <= MAX_HEADLINE_WORDS && TextMeasures.linkDensity(e) < 0.5
                    && !sites.contains(key(text)) && e.closest(HIDDEN) == null) {
                return e;
            }
        }
        return null;
    }

    // The whole title and every run of its consecutive parts, longest first, without the site's own name.
    private static List<String> candidates(String title, String siteName) {
        List<String> parts = parts(title);
        String site = siteName == null ? "" : key(siteName);
        var out = new ArrayList<String>();
        out.add(key(title));
        for (int length = parts.size(); length >= 1; length--) {
            for (int from = 0; from + length <= parts.size(); from++) {
                String k = key(String.join(" ", parts.subList(from, from + length)));
                if (k.length() >= MIN_KEY && !k.equals(site) && !out.contains(k)) {
                    out.add(k);
                }
            }
        }
        if (!site.isEmpty()) {
            out.remove(site);
        }
        out.sort(java.util.Comparator.comparingInt(String::length).reversed());
        return out;
    }

    // A heading that is a link to the front page is the site's name, however the title reads.
    private static boolean linksHome(Element e) {
        Element a = e.closest("a[href]");
        if (a == null) {
            a = e.selectFirst("a[href]");
            if (a == null || a.text().length() < e.text().length()) {
                return false;
            }
        }
        return HOME.matcher(a.attr("href").strip()).matches();
    }

    /** The parts of a title split at the separators sites put between headline, section and site name. */
    static List<String> parts(String title) {
        var out = new ArrayList<String>();
        for (String p : SEPARATORS.split(title.strip())) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    /** A comparison key: compatibility-normalized, lowercase, letters and digits only. */
    static String key(String s) {
        return NOT_WORD.matcher(Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
