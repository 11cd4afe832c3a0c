package org.painsearch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * Takes out of the main content what came along with it but is not part of the text: boxes of links, share
 * buttons, image galleries, forms, headings of furniture, bylines and captions. A box goes when its class words name
 * furniture or its own measures (links against text, images and list items against paragraphs) say so.
 */
final class ContentPruner {
    private static final String BOXES = "div, section, table, ul, ol, dl, figure, header, footer, aside, form, fieldset, "
            + "span, center";
    private static final int FEW_COMMAS = 10;
    private static final java.util.regex.Pattern COMMENTS_HEADING = java.util.regex.Pattern.compile(
            "(?i)^\\s*((\\d+|no)\\s+)?(comments|responses|replies|reactions|trackbacks)(\\s+(to|on)\\b.*)?\\W*$"
                    + "|^\\s*\\d+\\s+(comment|response|reply)\\W*$"
                    + "|^\\s*(leave|post|add|write) (a|your) (comment|reply|response)\\b");
    private static final double TEASER_LINKS = 0.3;
    private static final int TEASER_ITEMS = 3;
    private static final String LEAVES = "p, h1, h2, h3, h4, h5, h6, li, pre, blockquote, td, th, dt, dd, address, "
            + "caption, figcaption";
    private static final int PROSE_CHARS = 80;
    private static final int SENTENCE_CHARS = 20;
    private static final int SENTENCE_WORDS = 4;

    private ContentPruner() {
    }

    static void prune(ContentScorer.Scored scored, Element headline, boolean conditionally, boolean weighClasses) {
        Element content = scored.content();
        Map<Element, Double> scores = scored.scores();
        content.select("figcaption, [itemprop=author], [rel=author], address").forEach(e -> {
            if (e.text().length() < 200) {
                e.remove();
            }
        });
        if (weighClasses) {
            removeFurniture(content, scored.core(), headline);
        }
        if (conditionally) {
            var boxes = new ArrayList<>(content.select(BOXES));
            for (int i = boxes.size() - 1; i >= 0; i--) {
                Element box = boxes.get(i);
                if (box.parent() != null && box != content && !holds(box, scored.core())
                        && shouldRemove(box, scores, weighClasses)) {
                    box.remove();
                }
            }
        }
        for (Element h : content.select("h1, h2, h3, h4, h5, h6")) {
            if (weighClasses && ClassWords.weight(h) < 0 || TextMeasures.linkDensity(h) > 0.5) {
                h.remove();
            }
        }
        cutAtComments(content);
        trimEdges(content);
        content.select("p").forEach(p -> {
            if (!p.hasText() && p.select("img, video, audio, iframe").isEmpty()) {
                p.remove();
            }
        });
    }

    // Boxes the class words call furniture (share bars, bylines, comments, "related" lists) go, unless they hold the
    // best-scoring text or the headline: then the name is a trap (a layout class on the article's own wrapper).
    private static void removeFurniture(Element content, Element core, Element headline) {
        for (Element e : new ArrayList<>(content.select("[class], [id]"))) {
            if (e.parent() != null && e != content && ClassWords.furniture(e) && !holds(e, core) && !holds(e, headline)) {
                e.remove();
            }
        }
    }

    // Readers' comments under a post start at a heading such as "12 Comments" or "Leave a reply" (or one anchored
    // #comments): from there to the end is not the article. Only cut after some prose, never the article itself.
    private static void cutAtComments(Element content) {
        Element marker = null;
        boolean proseBefore = false;
        for (Element e : content.getAllElements()) {
            if (e.is("h1, h2, h3, h4, h5, h6") && proseBefore && isCommentsHeading(e)) {
                marker = e;
                break;
            }
            if (e.is("p") && isProse(e)) {
                proseBefore = true;
            }
        }
        if (marker == null) {
            return;
        }
        for (Element e = marker; e != null && e != content; e = e.parent()) {
            Element next = e.nextElementSibling();
            while (next != null) {
                Element after = next.nextElementSibling();
                next.remove();
                next = after;
            }
        }
        marker.remove();
    }

    private static boolean isCommentsHeading(Element h) {
        if (COMMENTS_HEADING.matcher(h.text()).find() || ClassWords.comments(h)) {
            return true;
        }
        return h.select("a[id], a[name]").stream()
                .anyMatch(a -> a.id().toLowerCase(java.util.Locale.ROOT).startsWith("comment")
                        || a.attr("name").toLowerCase(java.util.Locale.ROOT).startsWith("comment"));
    }

    // Lines before the first paragraph of prose and after the last (dates, "view larger image", share and print
    // links, a trailing list of other stories) are the frame of the article, not its text.
    private static void trimEdges(Element content) {
        List<Element> leaves = content.select(LEAVES).stream()
                .filter(e -> e.children().stream().noneMatch(HtmlBlocks::isBlock)).toList();
        int first = -1;
        int last = -1;
        for (int i = 0; i < leaves.size(); i++) {
            if (isProse(leaves.get(i))) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0) {
            return;
        }
        // A heading right above the first paragraph opens it ("Abstract"); a list of plain points right after the
        // last paragraph closes it. Both belong to the text.
        if (first > 0 && leaves.get(first - 1).is("h1, h2, h3, h4, h5, h6")) {
            first--;
        }
        while (last + 1 < leaves.size() && isPoint(leaves.get(last + 1), leaves.get(last))) {
            last++;
        }
        for (int i = 0; i < leaves.size(); i++) {
            if (i < first || i > last) {
                leaves.get(i).remove();
            }
        }
    }

    // An item without links in a list that follows the paragraph before it (or continues the list it is in).
    private static boolean isPoint(Element item, Element before) {
        if (!item.is("li") || item.selectFirst("a[href]") != null) {
            return false;
        }
        Element list = item.parent();
        return before.is("li") && before.parent() == list
                || list != null && list.previousElementSibling() == before;
    }

    private static boolean isProse(Element e) {
        String text = e.text();
        double links = TextMeasures.linkDensity(e);
        return text.length() >= PROSE_CHARS && links < 0.8
                || text.length() >= SENTENCE_CHARS && text.split("\\s+").length >= SENTENCE_WORDS
                        && text.matches("(?s).*[.!?。！？…\"”’)]$") && links < 0.5;
    }

    private static boolean holds(Element box, Element inner) {
        return inner != null && (box == inner || inner.parents().contains(box));
    }

    private static boolean shouldRemove(Element box, Map<Element, Double> scores, boolean weighClasses) {
        if (box.closest("pre, code") != null) {
            return false;
        }
        int weight = weighClasses ? ClassWords.weight(box) : 0;
        // A tag's own starting points (lists start below zero) are no reason to remove it; its class words are.
        if (weight + Math.max(0, scores.getOrDefault(box, 0.0)) < 0) {
            return true;
        }
        String text = box.text();
        if (TextMeasures.commas(text) >= FEW_COMMAS) {
            return false;
        }
        boolean isList = box.is("ul, ol") || listShare(box, text) > 0.9;
        var ps = box.select("p");
        int paragraphs = ps.size();
        if (paragraphs == 1 && ps.first().text().length() >= text.length() * 0.9 && isProse(ps.first())
                && TextMeasures.linkDensity(ps.first()) < 0.5) {
            return false; // a box around one paragraph of prose that happens to hold a link
        }
        int images = box.select("img").size();
        int items = box.select("li").size() - 100;
        int inputs = box.select("input, select, textarea, button").size();
        int embeds = box.select("embed, object, iframe, video").size();
        double links = TextMeasures.linkDensity(box);
        int length = text.length();
        boolean isFigure = box.closest("figure") != null;
        if (box.is("table") && isDataTable(box)) {
            return false;
        }
        return images > 1 && (double) paragraphs / images < 0.5 && !isFigure
                || !isList && items > paragraphs
                || inputs > paragraphs / 3
                || !isList && length < 25 && (images == 0 || images > 2) && !isFigure && links > 0
                || !isList && weight < 25 && links > 0.2
                || weight >= 25 && links > 0.5
                || isList && links > 0.5
                || isList && links > TEASER_LINKS && isTeaserList(box)
                || embeds == 1 && length < 75 || embeds > 1;
    }

    // Most items link somewhere: a list of other stories ("related", "elsewhere", "most read"), not of points.
    private static boolean isTeaserList(Element list) {
        var items = list.select("li");
        if (items.size() < TEASER_ITEMS) {
            return false;
        }
        long linked = items.stream().filter(li -> li.selectFirst("a[href]") != null).count();
        return linked >= items.size() * 0.75;
    }

    private static double listShare(Element box, String text) {
        if (text.isEmpty()) {
            return 0;
        }
        int inItems = box.select("li").stream().filter(li -> li.parent() != null && li.parent().parent() == box
                || li.parent() == box).mapToInt(li -> li.text().length()).sum();
        return (double) inItems / text.length();
    }

    // Tables of data (headers, a caption, several rows and columns) are content; layout tables are judged as boxes.
    private static boolean isDataTable(Element table) {
        if (table.attr("role").equals("presentation") || table.select("table").size() > 1) {
            return false;
        }
        if (!table.select("> caption, th, thead, tfoot, colgroup, col").isEmpty() || !table.attr("summary").isEmpty()) {
            return true;
        }
        int rows = table.select("tr").size();
        int columns = table.select("tr").stream().mapToInt(tr -> tr.select("> td").size()).max().orElse(0);
        return rows >= 10 || columns > 4 || rows * columns > 10;
    }
}
