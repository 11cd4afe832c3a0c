package org.painsearch.crawl;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** What a fetched body is, from its media type and, where that is vague (XML, plain text, none), its first bytes. */
enum ContentKind {
    HTML("page"), FEED("feed"), SITEMAP("sitemap"), TEXT("text"), VTT("transcript"), SRT("transcript"), OTHER("other");

    // The first element name after the prolog, comments and any DOCTYPE.
    private static final Pattern ROOT = Pattern.compile("<(?![?!])(?:[\\w.-]+:)?([\\w.-]+)");
    private static final Pattern SRT_START = Pattern.compile("\\A\\s*\\d+\\s*\\R\\d{1,2}:\\d{2}:\\d{2}[,.]\\d{1,3}\\s*-->");

    private final String label;

    ContentKind(String label) {
        this.label = label;
    }

    /** The word used in outcomes and the log: page, feed, sitemap, text, transcript. */
    String label() {
        return label;
    }

    static ContentKind of(String contentType, byte[] body) {
        String type = mediaType(contentType);
        String head = new String(body, 0, Math.min(body.length, 2048), StandardCharsets.ISO_8859_1).stripLeading();
        return switch (type) {
            case "text/html", "application/xhtml+xml" -> HTML;
            case "application/rss+xml", "application/atom+xml", "application/feed+xml" -> FEED;
            case "application/xml", "text/xml", "application/rdf+xml" -> xml(head);
            case "text/vtt" -> VTT;
            case "application/x-subrip", "application/srt", "text/srt" -> SRT;
            case "text/plain" -> head.startsWith("WEBVTT") ? VTT : SRT_START.matcher(head).find() ? SRT : TEXT;
            case "", "application/octet-stream" -> sniff(head);
            default -> OTHER;
        };
    }

    /** The media type without parameters, lowercase; empty when there is none. */
    static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.replaceFirst(";.*", "").strip().toLowerCase(Locale.ROOT);
    }

    private static ContentKind xml(String head) {
        var m = ROOT.matcher(head.replaceAll("(?s)<!--.*?-->", ""));
        if (!m.find()) {
            return OTHER;
        }
        return switch (m.group(1).toLowerCase(Locale.ROOT)) {
            case "rss", "feed", "rdf" -> FEED;
            case "urlset", "sitemapindex" -> SITEMAP;
            case "html" -> HTML;
            default -> OTHER;
        };
    }

    private static ContentKind sniff(String head) {
        String lower = head.toLowerCase(Locale.ROOT);
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html")) {
            return HTML;
        }
        if (lower.startsWith("<")) {
            return xml(head);
        }
        if (head.startsWith("WEBVTT")) {
            return VTT;
        }
        return SRT_START.matcher(head).find() ? SRT : OTHER;
    }
}
