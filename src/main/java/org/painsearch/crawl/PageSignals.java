package org.painsearch.crawl;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * What a page tells a crawler: {@code noindex} and {@code nofollow} (from {@code <meta name="robots">}, a
 * {@code painsearch}-specific meta, or the X-Robots-Tag header), its canonical address and its outgoing links.
 *
 * @param canonical the normalized {@code rel=canonical} address, or null
 * @param links     normalized http(s) links, without {@code rel=nofollow} ones, in page order
 */
record PageSignals(boolean noindex, boolean nofollow, String canonical, List<String> links) {
    PageSignals {
        links = List.copyOf(links);
    }

    static PageSignals read(String html, String pageUrl, String robotsHeader) {
        var page = Jsoup.parse(html, pageUrl);
        var directives = new StringBuilder(robotsHeader == null ? "" : robotsHeader.toLowerCase(Locale.ROOT));
        for (Element meta : page.select("meta[name]")) {
            String name = meta.attr("name").toLowerCase(Locale.ROOT);
            if (name.equals("robots") || name.equals(Robots.AGENT)) {
                directives.append(',').append(meta.attr("content").toLowerCase(Locale.ROOT));
            }
        }
        String d = directives.toString();
        boolean none = d.contains("none");
        Element canonicalLink = page.selectFirst("link[rel~=(?i)^canonical$][href]");
        String canonical = canonicalLink == null ? null : UrlNormalizer.normalize(canonicalLink.absUrl("href"));
        var links = new LinkedHashSet<String>();
        for (Element a : page.select("a[href], area[href]")) {
            if (a.attr("rel").toLowerCase(Locale.ROOT).contains("nofollow")) {
                continue;
            }
            String n = UrlNormalizer.normalize(a.absUrl("href"));
            if (n != null) {
                links.add(n);
            }
        }
        return new PageSignals(none || d.contains("noindex"), none || d.contains("nofollow"), canonical, List.copyOf(links));
    }
}
