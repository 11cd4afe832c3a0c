package org.painsearch.ingest;

import crawlercommons.sitemaps.AbstractSiteMap;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.painsearch.corpus.Timestamps;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads podcast feeds: RSS 2.0 and Atom, with the iTunes and Podcasting 2.0 namespaces; DTDs are refused. */
public final class FeedParser {
    static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    static final String PODCAST = "https://podcastindex.org/namespace/1.0";
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String DC = "http://purl.org/dc/elements/1.1/";

    private FeedParser() {
    }

    /**
     * Parses a feed fetched from {@code feedUrl} (relative links are resolved against it).
     *
     * @param encoding the charset the server declared, used only when the XML cannot be read as it declares itself
     * @throws IllegalArgumentException with a readable reason: not well-formed, a DTD, or not RSS/Atom
     */
    public static Feed parse(byte[] xml, String encoding, String feedUrl) {
        org.w3c.dom.Document doc;
        try {
            doc = SafeXml.parse(xml, null, "feed");
        } catch (IllegalArgumentException e) {
            if (encoding == null || !e.getMessage().contains("byte")) {
                throw e;
            }
            doc = SafeXml.parse(xml, encoding, "feed"); // the server's charset, for feeds mislabelled as UTF-8
        }
        Element root = doc.getDocumentElement();
        URI base = URI.create(feedUrl);
        if (root.getLocalName().equals("rss")) {
            Element channel = child(root, null, "channel");
            if (channel == null) {
                throw new IllegalArgumentException("the RSS feed has no <channel>");
            }
            return rss(channel, base);
        }
        if (root.getLocalName().equals("feed") && ATOM.equals(root.getNamespaceURI())) {
            return atom(root, base);
        }
        throw new IllegalArgumentException("not an RSS or Atom feed (the root element is <" + root.getTagName() + ">)");
    }

    private static Feed rss(Element channel, URI base) {
        var episodes = new ArrayList<Feed.Episode>();
        String showAuthor = first(text(channel, ITUNES, "author"), text(channel, null, "managingEditor"));
        for (Element item : children(channel, null, "item")) {
            String audio = resolve(base, attr(child(item, null, "enclosure"), "url"));
            String notes = first(text(item, CONTENT, "encoded"), text(item, null, "description"), text(item, ITUNES, "summary"));
            episodes.add(episode(item, base, first(text(item, null, "guid"), audio, text(item, null, "link")),
                    text(item, null, "title"), resolve(base, text(item, null, "link")),
                    rssDate(first(text(item, null, "pubDate"), text(item, DC, "date"))),
                    first(text(item, ITUNES, "author"), text(item, DC, "creator"), showAuthor), notes, audio,
                    texts(item, null, "category")));
        }
        return new Feed(text(channel, null, "title"), resolve(base, text(channel, null, "link")), showAuthor, episodes);
    }

    private static Feed atom(Element feed, URI base) {
        var episodes = new ArrayList<Feed.Episode>();
        String showAuthor = text(child(feed, ATOM, "author"), ATOM, "name");
        for (Element entry : children(feed, ATOM, "entry")) {
            String audio = resolve(base, atomLink(entry, "enclosure"));
            String notes = first(text(entry, ATOM, "content"), text(entry, ATOM, "summary"), text(entry, ITUNES, "summary"));
            String author = first(text(child(entry, ATOM, "author"), ATOM, "name"), text(entry, ITUNES, "author"), showAuthor);
            var categories = children(entry, ATOM, "category").stream().map(c -> c.getAttribute("term"))
                    .filter(s -> !s.isBlank()).toList();
            episodes.add(episode(entry, base, first(text(entry, ATOM, "id"), audio), text(entry, ATOM, "title"),
                    resolve(base, atomLink(entry, "alternate")),
                    isoDate(first(text(entry, ATOM, "published"), text(entry, ATOM, "updated"))), author, notes, audio,
                    categories));
        }
        return new Feed(text(feed, ATOM, "title"), resolve(base, atomLink(feed, "alternate")), showAuthor, episodes);
    }

    // The parts RSS items and Atom entries share: the iTunes and Podcasting 2.0 elements.
    private static Feed.Episode episode(Element e, URI base, String guid, String title, String link, LocalDate published,
                                        String author, String notes, String audio, List<String> categories) {
        var keywords = new ArrayList<>(categories);
        String itunesKeywords = text(e, ITUNES, "keywords");
        if (itunesKeywords != null) {
            Arrays.stream(itunesKeywords.split(",")).map(String::strip).filter(k -> !k.isEmpty()).forEach(keywords::add);
        }
        var transcripts = new ArrayList<Feed.TranscriptRef>();
        for (Element t : children(e, PODCAST, "transcript")) {
            String url = resolve(base, t.getAttribute("url"));
            if (url != null) {
                transcripts.add(new Feed.TranscriptRef(url, t.getAttribute("type").isBlank() ? null : t.getAttribute("type")));
            }
        }
        String episodeTitle = first(title, text(e, ITUNES, "title"));
        if (episodeTitle == null) {
            episodeTitle = published != null ? "Episode of " + published : "Untitled episode";
        }
        return new Feed.Episode(guid, episodeTitle, link, published, duration(text(e, ITUNES, "duration")),
                text(e, ITUNES, "episode"), author, keywords.stream().distinct().limit(8).toList(), notes, audio,
                resolve(base, attr(child(e, PODCAST, "chapters"), "url")), transcripts);
    }

    /** {@code 3725}, {@code 62:05} or {@code 1:02:05} as {@code 01:02:05}; null when unreadable. */
    static String duration(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.matches("\\d+(\\.\\d+)?")) {
            return Timestamps.format((long) Double.parseDouble(v));
        }
        String[] p = v.split(":");
        if (p.length < 2 || p.length > 3 || !v.matches("[\\d:]+")) {
            return null;
        }
        long seconds = 0;
        for (String part : p) {
            seconds = seconds * 60 + Long.parseLong(part);
        }
        return Timestamps.format(seconds);
    }

    private static LocalDate rssDate(String value) {
        if (value == null) {
            return null;
        }
        var parsed = AbstractSiteMap.parseRSSTimestamp(value.strip());
        return parsed != null ? parsed.toLocalDate() : isoDate(value);
    }

    private static LocalDate isoDate(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toLocalDate();
        } catch (java.time.format.DateTimeParseException e) {
            return v.matches("\\d{4}-\\d{2}-\\d{2}.*") ? LocalDate.parse(v.substring(0, 10)) : null;
        }
    }

    private static String atomLink(Element e, String rel) {
        for (Element link : children(e, ATOM, "link")) {
            String r = link.getAttribute("rel").isBlank() ? "alternate" : link.getAttribute("rel");
            if (r.equals(rel)) {
                return link.getAttribute("href");
            }
        }
        return null;
    }

    private static String resolve(URI base, String href) {
        if (href == null || href.isBlank()) {
            return null;
        }
        try {
            return base.resolve(href.strip().replace(" ", "%20")).toString();
        } catch (IllegalArgumentException e) {
            return null; // a malformed link is left out rather than failing the whole feed
        }
    }

    private static List<Element> children(Element parent, String ns, String name) {
        var out = new ArrayList<Element>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el && name.equals(el.getLocalName())
                    && (ns == null ? el.getNamespaceURI() == null : ns.equals(el.getNamespaceURI()))) {
                out.add(el);
            }
        }
        return out;
    }

    private static Element child(Element parent, String ns, String name) {
        var all = children(parent, ns, name);
        return all.isEmpty() ? null : all.get(0);
    }

    private static String text(Element parent, String ns, String name) {
        Element e = child(parent, ns, name);
        return e == null || e.getTextContent().isBlank() ? null : e.getTextContent().strip();
    }

    private static List<String> texts(Element parent, String ns, String name) {
        return children(parent, ns, name).stream().map(e -> e.getTextContent().strip()).filter(s -> !s.isEmpty()).toList();
    }

    private static String attr(Element e, String name) {
        return e == null || e.getAttribute(name).isBlank() ? null : e.getAttribute(name);
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
