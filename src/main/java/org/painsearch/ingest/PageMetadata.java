package org.painsearch.ingest;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.painsearch.corpus.DocumentCodec;
import tools.jackson.databind.JsonNode;

/**
 * A web page's metadata from {@code citation_*}, Open Graph, {@code article:*}, JSON-LD, Dublin Core and, failing
 * those, what the page shows (its headline, byline and dates): title without the site's name, authors cleaned,
 * dates only when plausible.
 *
 * @param siteName the site's own name where the page gives it (kept apart from the title), or null
 */
record PageMetadata(String title, String url, List<String> authors, LocalDate published, String source,
                    List<String> tags, String doi, String pmid, String siteName, Element headline) {
    private static final String DATE_KEYS = "citation_publication_date citation_date citation_online_date "
            + "article:published_time datepublished dc.date dc.date.issued dcterms.created dcterms.date dcterms.issued "
            + "date pubdate publish-date publishdate sailthru.date parsely-pub-date og:published_time article.published "
            + "originalpublicationdate";
    private static final String AUTHOR_KEYS = "author article:author dc.creator dcterms.creator parsely-author "
            + "sailthru.author byl";
    private static final int MAX_TAGS = 8;
    private static final int MAX_TAG_CHARS = 40;
    private static final int MAX_BYLINE = 120;
    private static final int MAX_SHOWN_AUTHORS = 4;

    PageMetadata {
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
    }

    /** Reads the metadata of a parsed page; call before the page is cleaned, as it reads the head and byline. */
    static PageMetadata read(Document page, String baseUri) {
        Map<String, List<String>> meta = metaTags(page);
        JsonNode ld = JsonLd.find(page);
        String siteName = first(one(meta, "og:site_name"), JsonLd.text(ld, "publisher"), one(meta, "application-name"));
        // The first title the page's metadata offers that the page also shows as its headline; else simply the first.
        List<String> offered = java.util.stream.Stream.of(JsonLd.text(ld, "headline"), one(meta, "og:title"),
                one(meta, "citation_title"), one(meta, "twitter:title"), one(meta, "dc.title"), page.title())
                .filter(t -> t != null && !t.isBlank()).map(String::strip).toList();
        String rawTitle = offered.isEmpty() ? text(page.selectFirst("h1")) : offered.get(0);
        Headline.Lines lines = Headline.lines(page.body());
        for (String t : offered) {
            if (lines.find(t, siteName) != null) {
                rawTitle = t;
                break;
            }
        }
        var siteNames = new ArrayList<String>();
        siteNames.add(siteName);
        siteNames.add(JsonLd.text(ld, "isPartOf"));
        siteNames.add(one(meta, "application-name"));
        siteNames.add(host(baseUri));
        Element headline = lines.find(rawTitle, siteName);
        String title = rawTitle == null ? null : PageTitles.clean(rawTitle, siteNames, headline);
        boolean describedTitle = offered.size() > 1 || offered.size() == 1 && !offered.get(0).equals(page.title().strip());
        if (headline == null && !describedTitle) {
            // A <title> naming only the site or section ("The Times - Article"): the page's own headline says more.
            headline = Headline.shown(page.body(), siteNames);
            title = headline == null ? title : headline.text().strip();
        }
        String url = first(page.select("link[rel=canonical]").attr("abs:href"), one(meta, "og:url"),
                JsonLd.text(ld, "url"), baseUri);
        String source = first(one(meta, "citation_journal_title"), siteName, JsonLd.text(ld, "partOfSeries"));
        String doi = first(one(meta, "citation_doi"), one(meta, "dc.identifier"));
        if (doi != null) {
            doi = doi.replaceFirst("(?i)^(doi:|https?://(dx\\.)?doi\\.org/)", "");
            doi = doi.startsWith("10.") ? doi : null;
        }
        return new PageMetadata(title, url, authors(page, meta, ld), published(page, meta, ld), source,
                tags(meta, ld), doi, one(meta, "citation_pmid"), siteName, headline);
    }

    private static List<String> authors(Document page, Map<String, List<String>> meta, JsonNode ld) {
        List<String> scholarly = Bylines.clean(meta.getOrDefault("citation_author", List.of()), false);
        if (!scholarly.isEmpty()) {
            return scholarly;
        }
        List<String> fromLd = Bylines.clean(JsonLd.names(ld, "author"), true);
        if (!fromLd.isEmpty()) {
            return fromLd;
        }
        var tagged = new ArrayList<String>();
        for (String key : AUTHOR_KEYS.split(" ")) {
            tagged.addAll(meta.getOrDefault(key, List.of()));
        }
        List<String> fromMeta = Bylines.clean(tagged, true);
        if (!fromMeta.isEmpty()) {
            return fromMeta;
        }
        // Only the first byline the page shows: later ones name the authors of other stories (sidebars, comments).
        for (Element e : page.select("[rel=author], [itemprop=author], .byline, .author, .byline-author")) {
            Element name = e.selectFirst("[itemprop=name]");
            String text = name != null ? name.text() : e.text();
            if (!text.isBlank() && text.length() <= MAX_BYLINE) {
                List<String> names = Bylines.clean(List.of(text), true);
                if (!names.isEmpty()) {
                    return names.size() <= MAX_SHOWN_AUTHORS ? names : List.of();
                }
            }
        }
        return List.of();
    }

    private static LocalDate published(Document page, Map<String, List<String>> meta, JsonNode ld) {
        var candidates = new ArrayList<String>();
        for (String key : DATE_KEYS.split(" ")) {
            if (key.equals("datepublished")) {
                candidates.add(JsonLd.text(ld, "datePublished"));
            }
            candidates.addAll(meta.getOrDefault(key, List.of()));
        }
        for (Element e : page.select("[itemprop=datePublished], time[pubdate], time[datetime]")) {
            candidates.add(first(e.attr("content"), e.attr("datetime"), e.text()));
        }
        for (Element e : page.select(".date, .published, .dateline, .post-date, .entry-date, .timestamp, .byline")) {
            if (e.text().length() <= MAX_BYLINE) {
                candidates.add(e.text());
            }
        }
        for (String c : candidates) {
            LocalDate d = PageDates.parse(c);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private static List<String> tags(Map<String, List<String>> meta, JsonNode ld) {
        var tags = new LinkedHashSet<String>(meta.getOrDefault("article:tag", List.of()));
        String keywords = first(one(meta, "keywords"), one(meta, "citation_keywords"),
                String.join(",", JsonLd.names(ld, "keywords")));
        if (keywords != null && tags.isEmpty()) {
            Arrays.stream(keywords.split("[,;]")).map(String::strip)
                    .filter(k -> !k.isEmpty() && k.length() <= MAX_TAG_CHARS).limit(MAX_TAGS).forEach(tags::add);
        }
        return DocumentCodec.normalizeTags(tags);
    }

    // Every <meta> by its lowercase name, property or itemprop, values in page order.
    private static Map<String, List<String>> metaTags(Document page) {
        var out = new HashMap<String, List<String>>();
        for (Element m : page.select("meta[content]")) {
            String content = m.attr("content").strip();
            if (content.isEmpty()) {
                continue;
            }
            for (String attr : new String[] {"name", "property", "itemprop"}) {
                String key = m.attr(attr).strip().toLowerCase(Locale.ROOT);
                if (!key.isEmpty()) {
                    out.computeIfAbsent(key, k -> new ArrayList<>()).add(content);
                }
            }
        }
        return out;
    }

    private static String one(Map<String, List<String>> meta, String key) {
        List<String> values = meta.get(key);
        return values == null ? null : values.get(0);
    }

    private static String text(Element e) {
        return e == null ? null : e.text();
    }

    private static String host(String url) {
        try {
            String host = url == null || url.isBlank() ? null : URI.create(url.strip()).getHost();
            return host == null ? null : host.replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip().replaceAll("\\s+", " ");
            }
        }
        return null;
    }
}
