package org.painsearch.ingest;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds a page's main text and writes it as Markdown: cleans the page, scores its containers, prunes what came
 * along, and tries again more leniently when the first attempt finds too little (class names can mislead, and
 * some pages are mostly lists). The first attempt long enough wins, else the longest.
 */
final class MainText {
    // Each later attempt trusts class names and box measures less.
    private static final List<Attempt> ATTEMPTS = List.of(new Attempt(true, true, true), new Attempt(false, true, true),
            new Attempt(false, false, true), new Attempt(false, false, false));
    // Main text shorter than this sends the extractor back for a more lenient attempt.
    private static final int LONG_ENOUGH = 500;
    private static final int NEAR_LEVELS = 3;
    private static final double MORE_FACTOR = 1.5;
    private static final int MORE_CHARS = 200;

    private MainText() {
    }

    private record Attempt(boolean stripFurniture, boolean weighClasses, boolean conditionally) {
    }

    /**
     * The main text of {@code page} (parsed from {@code html}, which later attempts parse again), as Markdown; a
     * heading repeating {@code title} is left out.
     */
    static Found find(String html, String baseUri, Document page, PageMetadata meta) {
        Found best = null;
        Document current = page;
        Element headline = meta.headline();
        for (Attempt a : ATTEMPTS) {
            if (current == null) {
                current = HtmlExtractor.parse(html, baseUri);
                headline = meta.title() == null ? null : Headline.find(current.body(), meta.title(), meta.siteName());
            }
            Found found = attempt(current, a, headline, meta.title());
            if (best == null || clearlyMore(found, best) && (found.byHeadline() || !best.byHeadline())) {
                best = found;
            }
            if (best.markdown().length() >= LONG_ENOUGH) {
                break;
            }
            current = null;
        }
        return best;
    }

    // A more lenient attempt replaces a short text only when it finds clearly more, not the same plus a box or two.
    private static boolean clearlyMore(Found found, Found best) {
        int more = found.markdown().length();
        int had = best.markdown().length();
        return more >= had * MORE_FACTOR && more - had >= MORE_CHARS;
    }

    /**
     * A text found, whether it sits by the page's headline (a short text there beats a longer one elsewhere), and
     * the share of its text that was link text.
     */
    record Found(String markdown, boolean byHeadline, double linkDensity) {
    }

    private static Found attempt(Document page, Attempt a, Element headline, String title) {
        Element body = page.body();
        PageCleaner.clean(body, a.stripFurniture(), headline);
        var scored = ContentScorer.mainContent(body, a.weighClasses(), headline);
        boolean byHeadline = headline != null && scored.content().getAllElements().contains(headline)
                || headline != null && isNear(scored.core(), headline);
        ContentPruner.prune(scored, headline, a.conditionally(), a.weighClasses());
        return new Found(MarkdownWriter.write(scored.content(), title), byHeadline,
                TextMeasures.linkDensity(scored.content()));
    }

    // Within a few levels of each other: the headline above the text, or the text in the box after the headline.
    private static boolean isNear(Element core, Element headline) {
        var above = headline.parents();
        Element p = core;
        for (int i = 0; i < NEAR_LEVELS && p != null; i++, p = p.parent()) {
            if (above.contains(p)) {
                return true;
            }
        }
        return false;
    }
}
