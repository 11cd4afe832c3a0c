package org.painsearch.ingest;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds a web page's main content (no navigation, footers, scripts, share bars, bylines or cookie banners) and its
 * metadata from {@code citation_*}, Open Graph, {@code article:*}, JSON-LD and what the page shows.
 */
public final class HtmlExtractor {
    // A <title> never closed swallows the page as its text (the HTML parsing rules say so); such a title is dropped.
    private static final Pattern UNCLOSED_TITLE = Pattern.compile("(?is)<title\\b[^>]*>(?!.*</title>)");
    private static final int LONGEST_TITLE = 1000;

    private HtmlExtractor() {
    }

    /** Extracts a page; {@code baseUri} resolves relative links and is the fallback address. */
    public static Extracted extract(String html, String baseUri) {
        Document page = parse(html, baseUri);
        PageMetadata m = PageMetadata.read(page, baseUri);
        var whole = PageJudge.Page.of(page);
        MainText.Found found = MainText.find(html, baseUri, page, m);
        return new Extracted(m.title(), m.url(), m.authors(), m.published(), m.source(), m.tags(), m.doi(), m.pmid(),
                found.markdown(), PageJudge.judge(whole, found));
    }

    /** Show notes and other fragments that are all content: cleaned and written as Markdown, nothing scored away. */
    static String fragment(String html, String title) {
        Element body = Jsoup.parseBodyFragment(html).body();
        PageCleaner.clean(body, false, null);
        return MarkdownWriter.write(body, title);
    }

    static Document parse(String html, String baseUri) {
        Document page = Jsoup.parse(html, baseUri == null ? "" : baseUri);
        if (page.title().length() > LONGEST_TITLE && UNCLOSED_TITLE.matcher(html).find()) {
            page = Jsoup.parse(UNCLOSED_TITLE.matcher(html).replaceFirst(""), baseUri == null ? "" : baseUri);
        }
        return page;
    }
}
