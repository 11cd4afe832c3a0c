package org.painsearch.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.painsearch.corpus.Link;
import org.painsearch.engine.Links;

/** Renders a document's Markdown as safe HTML: raw HTML escaped, {@code [[links]]} to the document view, then sanitized. */
final class MarkdownView {
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final Safelist SAFE = Safelist.relaxed().removeTags("img").addAttributes("a", "class")
            .addProtocols("a", "href", "http", "https", "mailto");

    private MarkdownView() {
    }

    /**
     * Renders {@code markdown}; {@code resolved} maps a link's target to its document (id and title), so a link
     * without a label shows that title and a DOI link opens the document it names.
     */
    static String toHtml(String markdown, java.util.Map<String, Links.Ref> resolved) {
        String withLinks = Link.replaceAll(markdown == null ? "" : markdown, l -> {
            var target = resolved.get(l.target());
            String label = l.label() != null ? l.label() : target != null ? target.title() : l.target();
            String id = target != null ? target.id() : l.target();
            String href = "/?doc=" + URLEncoder.encode(id, StandardCharsets.UTF_8)
                    + (l.atSeconds() >= 0 ? "&t=" + l.atSeconds() : "");
            return "[" + label.replace("[", "\\[").replace("]", "\\]") + "](" + href + ")";
        });
        String html = RENDERER.render(PARSER.parse(withLinks));
        // Relative links need a base to survive the safelist; the page's own links are relative.
        return Jsoup.clean(html, "http://painsearch.local", SAFE.preserveRelativeLinks(true));
    }
}
