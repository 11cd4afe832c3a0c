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

    private MainText() {
    }

    private record Attempt(boolean stripFurniture, boolean weighClasses, boolean conditionally) {
    }

    /**
     * The main text of {@code page} (parsed from {@code html}, which later attempts parse again), as Markdown; a
     * heading repeating {@code title} is left out.
     */
    static String find(String html, String baseUri, Document page, PageMetadata meta) {
        String best = "";
        Document current = page;
        Element headline = meta.headline();
        for (Attempt a : ATTEMPTS) {
            if (current == null) {
                current = HtmlExtractor.parse(html, baseUri);
                headline = meta.title() == null ? null : Headline.find(current.body(), meta.title(), meta.siteName());
            }
            Element body = current.body();
            PageCleaner.clean(body, a.stripFurniture(), headline);
            var scored = ContentScorer.mainContent(body, a.weighClasses(), headline);
            ContentPruner.prune(scored, headline, a.conditionally(), a.weighClasses());
            String md = MarkdownWriter.write(scored.content(), meta.title());
            if (md.length() >= LONG_ENOUGH) {
                return md;
            }
            if (md.length() > best.length()) {
                best = md;
            }
            current = null;
        }
        return best;
    }
}
