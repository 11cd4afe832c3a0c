package org.painsearch.ingest;

import java.util.List;
import java.util.Objects;
import org.jsoup.nodes.Element;

/**
 * Takes the site's name out of a page title: "Why massage helps | The Daily Tissue" becomes "Why massage helps".
 * The site's name is known from the page's metadata or address, or found by which part of the title the page shows
 * as its headline.
 */
final class PageTitles {
    private PageTitles() {
    }

    static String clean(String raw, List<String> siteNames, Element headline) {
        String title = raw.strip().replaceAll("\\s+", " ");
        List<String> parts = Headline.parts(title);
        if (parts.size() < 2) {
            return title;
        }
        if (headline != null) {
            String shown = headline.text().strip();
            String key = Headline.key(shown);
            if (!key.isEmpty() && Headline.key(title).contains(key) && key.length() < Headline.key(title).length()) {
                return shown;
            }
        }
        for (String site : siteNames.stream().filter(Objects::nonNull).map(Headline::key).filter(k -> !k.isEmpty()).toList()) {
            String first = Headline.key(parts.get(0));
            String last = Headline.key(parts.get(parts.size() - 1));
            if (last.equals(site) || last.equals(site.replaceAll("(com|org|net|co|uk|de|fr)$", ""))) {
                return cut(title, parts.get(parts.size() - 1), false);
            }
            if (first.equals(site)) {
                return cut(title, parts.get(0), true);
            }
        }
        return title;
    }

    // The title without its first or last part and the separator beside it.
    private static String cut(String title, String part, boolean fromStart) {
        String rest = fromStart ? title.substring(title.indexOf(part) + part.length())
                : title.substring(0, title.lastIndexOf(part));
        return rest.replaceAll("^[\\s|\\-–—:·•»«/\\\\｜：]+|[\\s|\\-–—:·•»«/\\\\｜：]+$", "").strip();
    }
}
