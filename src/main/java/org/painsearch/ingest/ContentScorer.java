package org.painsearch.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * Finds the element that holds a page's main text. Every paragraph of some length gives points to its parent and,
 * less and less, to the ancestors above it (more for longer text and for commas, the mark of sentences); a
 * container's points are then discounted by the share of its text that is link text. The best container is widened
 * to a common ancestor when other strong candidates sit beside it, and joined by those of its siblings that score
 * well or read as prose. The approach follows Mozilla Readability's published design.
 */
final class ContentScorer {
    private static final int MIN_PARAGRAPH = 25;
    private static final int FEED_ITEMS = 4;
    private static final double MARKED_POINTS = 25;
    private static final double PART_SHARE = 0.4;
    private static final double PART_WRAPPING = 2.0;
    // Excerpts of other posts under an article share its class too, but are much shorter than it.
    private static final double PART_LENGTH = 0.25;
    private static final double FEED_FACTOR = 0.3;
    // A container with less text than this is a line (a date, a byline), whatever its class says.
    private static final int MIN_CANDIDATE = 100;
    private static final int ANCESTOR_LEVELS = 5;
    private static final int ALTERNATIVES = 5;
    private static final double ALTERNATIVE_SHARE = 0.75;
    private static final int ALTERNATIVES_NEEDED = 3;
    private static final int HEADLINE_LEVELS = 3;
    private static final int HEADLINE_SIBLINGS = 3;
    private static final double HEADLINE_POINTS = 25;
    private static final int MAX_WIDENING = 3;

    private final Map<Element, Double> scores = new IdentityHashMap<>();
    // Elements with paragraphs of their own (not only further down).
    private final java.util.Set<Element> holders = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final boolean weighClasses;
    private TextTally tally;

    private ContentScorer(boolean weighClasses) {
        this.weighClasses = weighClasses;
    }

    /**
     * Moves the main content of {@code body} into a new {@code div} and returns it with the scores found (which the
     * pruner reuses); {@code weighClasses} lets class and id words add to or take from a container's points.
     */
    static Scored mainContent(Element body, boolean weighClasses, Element headline) {
        var scorer = new ContentScorer(weighClasses);
        scorer.score(body);
        scorer.nearHeadline(headline);
        Element top = scorer.top(body);
        return new Scored(scorer.gather(top), top, scorer.scores);
    }

    /** The content found, the best candidate at its core, and every candidate's points. */
    record Scored(Element content, Element core, Map<Element, Double> scores) {
    }

    private void score(Element body) {
        tally = TextTally.of(body);
        for (Element block : body.select("p, pre, td, blockquote, dd")) {
            if (HtmlBlocks.MIXED.contains(block.normalName()) && block.children().stream().anyMatch(HtmlBlocks::isBlock)) {
                continue; // its paragraphs are scored one by one
            }
            String text = block.text();
            if (text.length() < MIN_PARAGRAPH) {
                continue;
            }
            double points = 1 + TextMeasures.commas(text) + Math.min(text.length() / 100, 3);
            Element ancestor = block.parent();
            for (int level = 0; level < ANCESTOR_LEVELS && ancestor != null && ancestor.parent() != null; level++) {
                double share = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(ancestor, initial(ancestor) + points / share, (old, add) -> old + points / share);
                if (level == 0) {
                    holders.add(ancestor);
                }
                ancestor = ancestor.parent();
            }
        }
        markedArticle(body);
        scores.replaceAll((e, s) -> s * (1 - tally.linkDensity(e)) * (isFeed(e) ? FEED_FACTOR : 1));
    }

    // The page's own marking of its main part (one <main>, one <article>, an articleBody) counts like a class name
    // naming content; several <article>s are a list of stories, so they gain nothing.
    private void markedArticle(Element body) {
        var marks = new ArrayList<Element>(body.select("[itemprop=articleBody]"));
        var mains = body.select("main, [role=main]");
        if (mains.size() == 1) {
            marks.add(mains.first());
        }
        var articles = body.select("article");
        if (articles.size() == 1) {
            marks.add(articles.first());
        }
        for (Element m : marks) {
            if (tally.length(m) >= MIN_CANDIDATE) {
                scores.merge(m, initial(m) + MARKED_POINTS, (old, add) -> old + MARKED_POINTS);
            }
        }
    }

    // A feed, gallery or list of other stories: many items side by side, each under a heading of its own, where
    // the items are list entries or articles, or their headings link elsewhere (teasers). An article's own sections
    // have headings too, but neither as list items nor as links.
    private static boolean isFeed(Element e) {
        int items = 0;
        for (Element child : e.children()) {
            Element heading = child.selectFirst("h1, h2, h3, h4, h5, h6");
            if (heading != null && (child.is("li, article") || heading.selectFirst("a[href]") != null)) {
                items++;
            }
        }
        return items >= FEED_ITEMS && items * 2 >= e.childrenSize();
    }

    // The paragraphs right around the headline are the article more often than not: the nearest container of
    // paragraphs above it, and the containers of paragraphs that follow it, gain as much as a telling class name.
    private void nearHeadline(Element headline) {
        if (headline == null) {
            return;
        }
        var targets = java.util.Collections.newSetFromMap(new IdentityHashMap<Element, Boolean>());
        Element a = headline.parent();
        for (int level = 0; level < HEADLINE_LEVELS && a != null && a.parent() != null; level++, a = a.parent()) {
            if (holders.contains(a)) {
                targets.add(a);
                break;
            }
        }
        // When the headline sits among paragraphs, those are the article; when it sits in a header box of its
        // own, the article is in the boxes after that box.
        boolean ownBox = headline.parent() != null && !holders.contains(headline.parent());
        for (Element start : ownBox ? new Element[] {headline, headline.parent()} : new Element[] {headline}) {
            Element sibling = start == null ? null : start.nextElementSibling();
            for (int i = 0; i < HEADLINE_SIBLINGS && sibling != null; i++, sibling = sibling.nextElementSibling()) {
                if (holders.contains(sibling)) {
                    targets.add(sibling);
                } else {
                    sibling.children().stream().filter(holders::contains).findFirst().ifPresent(targets::add);
                }
            }
        }
        targets.forEach(t -> scores.computeIfPresent(t, (e, s) -> s + HEADLINE_POINTS));
    }

    private double initial(Element e) {
        double base = switch (e.normalName()) {
            case "div", "article", "main", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return base + (weighClasses ? ClassWords.weight(e) : 0);
    }

    private Element top(Element body) {
        var ranked = new ArrayList<>(scores.keySet().stream().filter(e -> tally.length(e) >= MIN_CANDIDATE).toList());
        if (ranked.isEmpty()) {
            ranked.addAll(scores.keySet());
        }
        ranked.sort(Comparator.comparingDouble((Element e) -> scores.get(e)).reversed());
        if (ranked.isEmpty() || ranked.get(0) == body || ranked.get(0).normalName().equals("html")) {
            return body;
        }
        Element top = ranked.get(0);
        double topScore = scores.get(top);
        // Strong candidates side by side (an article split into several boxes) share an ancestor: take it.
        var alternatives = new ArrayList<List<Element>>();
        for (Element e : ranked.subList(1, Math.min(ranked.size(), ALTERNATIVES))) {
            if (scores.get(e) / topScore >= ALTERNATIVE_SHARE) {
                alternatives.add(e.parents());
            }
        }
        if (alternatives.size() >= ALTERNATIVES_NEEDED) {
            for (Element ancestor = top.parent(); ancestor != null && ancestor.parent() != null; ancestor = ancestor.parent()) {
                final Element a = ancestor;
                if (alternatives.stream().filter(list -> list.contains(a)).count() >= ALTERNATIVES_NEEDED) {
                    top = ancestor;
                    break;
                }
            }
        }
        top = joinParts(top, ranked);
        // A parent scoring about as well holds more of the same text.
        double last = scores.getOrDefault(top, 0.0);
        double threshold = last / 3;
        for (Element parent = top.parent(); parent != null && parent != body; parent = parent.parent()) {
            Double s = scores.get(parent);
            if (s == null) {
                continue;
            }
            if (s < threshold) {
                break;
            }
            if (s > last) {
                // Not when the parent is mostly other text: that is a page column holding more than this article.
                if (tally.length(parent) <= MAX_WIDENING * tally.length(top)) {
                    top = parent;
                }
                break;
            }
            last = s;
        }
        while (top.parent() != null && top.parent() != body && top.parent().childrenSize() == 1) {
            top = top.parent();
        }
        return top;
    }

    // An article cut into parts of one kind (sections, pages of a long read, the posts of a blog's front page):
    // boxes with the top's own tag and class that score well join it under their nearest shared ancestor, when that
    // ancestor holds little else.
    private Element joinParts(Element top, List<Element> ranked) {
        if (top.className().isBlank() || !scores.containsKey(top)) {
            return top;
        }
        double topScore = scores.get(top);
        var parts = new ArrayList<Element>();
        parts.add(top);
        for (Element e : ranked) {
            if (e != top && e.normalName().equals(top.normalName()) && e.className().equals(top.className())
                    && scores.get(e) >= topScore * PART_SHARE && tally.length(e) >= tally.length(top) * PART_LENGTH
                    && parts.stream().noneMatch(p -> p.parents().contains(e) || e.parents().contains(p))) {
                parts.add(e);
            }
        }
        if (parts.size() < 2) {
            return top;
        }
        Element shared = top;
        for (Element p : parts) {
            shared = sharedAncestor(shared, p);
            if (shared == null) {
                return top;
            }
        }
        long partsLength = parts.stream().mapToLong(tally::length).sum();
        boolean mostlyParts = tally.length(shared) <= partsLength * PART_WRAPPING;
        return mostlyParts && tally.linkDensity(shared) < 0.3 && !shared.normalName().equals("html") ? shared : top;
    }

    private static Element sharedAncestor(Element a, Element b) {
        if (a == b || b.parents().contains(a)) {
            return a;
        }
        var above = java.util.Collections.newSetFromMap(new IdentityHashMap<Element, Boolean>());
        above.addAll(a.parents());
        for (Element p : b.parents()) {
            if (above.contains(p)) {
                return p;
            }
        }
        return null;
    }

    // The top candidate and its siblings that belong with it, moved into one new div.
    private Element gather(Element top) {
        var content = new Element("div");
        if (top.parent() == null || top.normalName().equals("body")) {
            for (Element child : new ArrayList<>(top.children())) {
                content.appendChild(child);
            }
            return content;
        }
        double topScore = scores.getOrDefault(top, 0.0);
        double threshold = Math.max(10, topScore * 0.2);
        for (Element sibling : new ArrayList<>(top.parent().children())) {
            if (sibling == top || belongs(sibling, top, topScore, threshold)) {
                content.appendChild(sibling);
            }
        }
        return content;
    }

    private boolean belongs(Element sibling, Element top, double topScore, double threshold) {
        double bonus = !top.className().isEmpty() && sibling.className().equals(top.className()) ? topScore * 0.2 : 0;
        Double s = scores.get(sibling);
        if (s != null && s + bonus >= threshold) {
            return true;
        }
        if (!sibling.normalName().equals("p")) {
            return false;
        }
        String text = sibling.text();
        double links = TextMeasures.linkDensity(sibling);
        return text.length() > 80 && links < 0.25
                || !text.isEmpty() && text.length() <= 80 && links == 0 && text.matches("(?s).*[.!?]\\s*$");
    }
}
