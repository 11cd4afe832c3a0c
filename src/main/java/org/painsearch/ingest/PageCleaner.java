package org.painsearch.ingest;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;

/**
 * Removes from a page body what is never its text: scripts, styles, embedded objects, forms' controls, hidden
 * elements, navigation and dialogs, then (when asked) boxes whose class or id names furniture (cookie banners, share
 * bars, menus, sidebars). A box holding a good part of the page's prose is never removed for its name: a class like
 * {@code content-with-sidebar} on the article's own container must not delete the article.
 */
final class PageCleaner {
    private static final String NEVER_TEXT = "script, style, noscript, template, svg, canvas, iframe, object, embed, "
            + "select, input, button, textarea, link, meta, nav, aside, footer, dialog, [role=navigation], "
            + "[role=contentinfo], [role=complementary], [role=dialog], [role=alertdialog], [role=menu], "
            + "[role=menubar], [role=search], [aria-modal=true], [hidden]";
    private static final Pattern INVISIBLE = Pattern.compile("(?i)(display\\s*:\\s*none|visibility\\s*:\\s*hidden)");
    // A box with at least this share of the page's prose is kept whatever its class says.
    private static final double PROSE_SHARE_KEPT = 0.25;
    private static final int PROSE_MIN = 60;
    private static final String ARTICLE_MARKS = "article, main, [role=main], [itemprop=articleBody], [itemprop=text]";

    private PageCleaner() {
    }

    static void clean(Element body, boolean stripFurniture, Element headline) {
        body.select(NEVER_TEXT).forEach(e -> {
            if (e.parent() != null && !keepsText(e)) {
                e.remove();
            }
        });
        for (Element e : body.select("[style], [aria-hidden=true]")) {
            if (e.parent() != null && (INVISIBLE.matcher(e.attr("style")).find() || e.attr("aria-hidden").equals("true"))) {
                e.remove();
            }
        }
        body.forEachNode(n -> {
            if (n instanceof Comment) {
                n.remove();
            }
        });
        HtmlBlocks.normalize(body);
        if (stripFurniture) {
            stripFurniture(body, headline);
        }
    }

    // A footer or aside that wraps the article (some templates do) is kept; only its own furniture will go.
    private static boolean keepsText(Element e) {
        return e.is("footer, aside, [role=complementary], [role=contentinfo]") && e.select("p").size() > 5
                && TextMeasures.linkDensity(e) < 0.2;
    }

    // A box named as furniture goes unless it holds the headline or an element marked as the article, or (except for
    // comments, which often outweigh a short post) a good part of the page's prose.
    private static void stripFurniture(Element body, Element headline) {
        Map<Element, Integer> prose = proseBelow(body);
        int total = Math.max(1, prose.getOrDefault(body, 0));
        Set<Element> marked = new HashSet<>(body.select(ARTICLE_MARKS));
        if (headline != null) {
            marked.add(headline);
        }
        Set<Element> keep = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element m : marked) {
            keep.add(m);
            keep.addAll(m.parents());
        }
        for (Element e : new ArrayList<>(body.select("[class], [id]"))) {
            if (e.parent() == null || e == body || keep.contains(e) || !ClassWords.neverContent(e)) {
                continue;
            }
            if (ClassWords.comments(e) || prose.getOrDefault(e, 0) < total * PROSE_SHARE_KEPT) {
                e.remove();
            }
        }
    }

    // Characters of prose (paragraphs long enough and mostly not links) under each element.
    private static Map<Element, Integer> proseBelow(Element body) {
        var out = new IdentityHashMap<Element, Integer>();
        for (Element p : body.select("p, pre, td, li, blockquote, dd")) {
            if (p.children().stream().anyMatch(HtmlBlocks::isBlock)) {
                continue;
            }
            int length = p.text().length();
            if (length < PROSE_MIN || TextMeasures.linkDensity(p) > 0.3) {
                continue;
            }
            for (Element a = p; a != null; a = a.parent()) {
                out.merge(a, length, Integer::sum);
            }
        }
        return out;
    }
}
