package org.painsearch.ingest;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The block structure of a page body: which tags start a block, and loose text normalized into paragraphs. Many
 * pages put their text straight into {@code div}s or table cells, separated by {@code <br>}s; wrapping each run of
 * such text in a {@code <p>} lets the rest of the extractor treat every page as paragraphs.
 */
final class HtmlBlocks {
    /** Tags that always start a new block of text. */
    static final Set<String> BLOCK = Set.of("address", "article", "aside", "blockquote", "body", "caption", "center",
            "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
            "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre",
            "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "noscript", "frameset",
            "frame", "iframe", "video", "audio", "picture", "object", "canvas", "svg", "select", "textarea", "legend",
            "option", "optgroup", "datalist", "output", "progress", "meter", "search", "template", "html");
    /** Blocks whose content is one paragraph of text (after normalization, all text lives in these). */
    static final Set<String> TEXT = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "address", "caption",
            "figcaption", "dt", "summary", "legend");
    /** Blocks that hold either text or other blocks; text beside blocks in them is wrapped like a container's. */
    static final Set<String> MIXED = Set.of("li", "dd", "td", "th", "blockquote");
    static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    private HtmlBlocks() {
    }

    /** Wraps every run of loose text and inline elements beside blocks in a {@code <p>}; a double {@code <br>} splits it. */
    static void normalize(Element body) {
        Map<Element, Boolean> holdsBlock = holdsBlocks(body);
        var all = new ArrayList<Element>(body.getAllElements());
        for (Element e : all) {
            String tag = e.normalName();
            if ((tag.equals("p") || MIXED.contains(tag) && !holdsBlock.get(e)) && hasDoubleBreak(e)) {
                splitAtDoubleBreaks(e);
                continue;
            }
            if (TEXT.contains(tag) || tag.equals("ul") || tag.equals("ol") || tag.equals("table") || tag.equals("tr")
                    || tag.equals("tbody") || tag.equals("thead") || tag.equals("tfoot") || tag.equals("dl")
                    || tag.equals("select")) {
                continue;
            }
            boolean container = BLOCK.contains(tag) ? !MIXED.contains(tag) || holdsBlock.get(e) : holdsBlock.get(e);
            if (container) {
                wrapRuns(e, holdsBlock, false);
            }
        }
    }

    private static boolean hasDoubleBreak(Element e) {
        for (Element br : e.select("> br")) {
            Node next = br.nextSibling();
            while (next instanceof TextNode t && t.isBlank()) {
                next = next.nextSibling();
            }
            if (next instanceof Element el && el.normalName().equals("br")) {
                return true;
            }
        }
        return false;
    }

    // A paragraph holding several paragraphs parted by blank lines (<br><br>) becomes those paragraphs.
    private static void splitAtDoubleBreaks(Element e) {
        if (e.normalName().equals("p")) {
            Element holder = new Element("div");
            e.before(holder);
            holder.appendChild(e);
            e.unwrap();
            wrapRuns(holder, new IdentityHashMap<>(), true);
            holder.unwrap();
        } else {
            wrapRuns(e, new IdentityHashMap<>(), true);
        }
    }

    /** Whether an element is a block of its own rather than part of a line of text. */
    static boolean isBlock(Element e) {
        return BLOCK.contains(e.normalName());
    }

    // Each element -> whether a block element is somewhere inside it, in one pass from the leaves up.
    private static Map<Element, Boolean> holdsBlocks(Element root) {
        var out = new IdentityHashMap<Element, Boolean>();
        var all = root.getAllElements();
        for (int i = all.size() - 1; i >= 0; i--) {
            Element e = all.get(i);
            boolean holds = false;
            for (Element c : e.children()) {
                if (isBlock(c) || out.getOrDefault(c, false)) {
                    holds = true;
                    break;
                }
            }
            out.put(e, holds);
        }
        return out;
    }

    private static void wrapRuns(Element container, Map<Element, Boolean> holdsBlock, boolean inlineOnly) {
        var run = new ArrayList<Node>();
        int breaks = 0;
        for (Node n : new ArrayList<>(container.childNodes())) {
            boolean inline = n instanceof TextNode
                    || n instanceof Element el && !isBlock(el) && (inlineOnly || !holdsBlock.get(el));
            if (!inline) {
                if (n instanceof Element) {
                    wrap(run);
                    breaks = 0;
                }
                continue;
            }
            if (n instanceof Element el && el.normalName().equals("br")) {
                breaks++;
                if (breaks >= 2) {
                    wrap(run);
                }
                run.add(n);
                continue;
            }
            if (n instanceof TextNode t && t.isBlank()) {
                run.add(n);
                continue;
            }
            breaks = 0;
            run.add(n);
        }
        wrap(run);
    }

    // Moves a run of inline nodes into a new paragraph when it holds any text; leading and trailing <br>s are dropped.
    private static void wrap(List<Node> run) {
        boolean hasText = run.stream().anyMatch(n -> n instanceof TextNode t ? !t.isBlank()
                : n instanceof Element el && !el.normalName().equals("br") && (el.hasText() || el.normalName().equals("img")));
        if (hasText) {
            Element p = new Element("p");
            run.get(0).before(p);
            for (Node n : run) {
                p.appendChild(n);
            }
            while (p.childNodeSize() > 0 && isBreakOrBlank(p.childNode(p.childNodeSize() - 1))) {
                p.childNode(p.childNodeSize() - 1).remove();
            }
            while (p.childNodeSize() > 0 && isBreakOrBlank(p.childNode(0))) {
                p.childNode(0).remove();
            }
        }
        run.clear();
    }

    private static boolean isBreakOrBlank(Node n) {
        return n instanceof TextNode t ? t.isBlank() : n instanceof Element e && e.normalName().equals("br");
    }
}
