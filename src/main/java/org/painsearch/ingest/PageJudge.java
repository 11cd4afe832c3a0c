package org.painsearch.ingest;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Tells an article from a page that only leads elsewhere: a list of links, an index of teasers (a tag, category or
 * front page), a sign-in page, a cookie wall, or a page with next to no text. Judged from the whole page as it came
 * (before cleaning) and the main text found in it: a short article is still an article, a long list is not.
 */
final class PageJudge {
    // Less main text than this (letters and digits) is not an article, whatever the page is.
    private static final int TOO_LITTLE = 80;
    // Main text shorter than this on a page that is mostly links, teasers, a form or a notice is that page's frame.
    private static final int SHORT_TEXT = 600;
    private static final double LINKS_PAGE = 0.5;
    // Main text that is mostly links is a list of them, however long.
    private static final double LINKS_TEXT = 0.6;
    // A list or index page keeps at most a line or two of its own once its links are set aside.
    private static final int FRAME_TEXT = 400;
    private static final int FEW_SENTENCES = 3;
    private static final int SENTENCE_WORDS = 8;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?。！？])\\s+");
    private static final int INDEX_ITEMS = 8;
    private static final Pattern CONSENT = Pattern.compile(
            "(?i)\\b(cookies?|consent|gdpr|privacy (settings|preferences|policy)|accept all|reject all)\\b");
    private static final Pattern SIGN_IN = Pattern.compile("(?i)\\b(sign in|log in|login|subscribe|subscriber|password)\\b");

    private PageJudge() {
    }

    // Sentences of some length: what a short article has and a page of links does not.
    private static long sentences(String text) {
        return SENTENCE_END.splitAsStream(text).filter(s -> s.strip().split("\\s+").length >= SENTENCE_WORDS).count();
    }

    /** What the page as parsed (before any cleaning) shows, measured once. */
    record Page(double linkDensity, int teasers, boolean password) {
        static Page of(Document page) {
            Element body = page.body();
            int teasers = 0;
            for (Element heading : body.select("h1 a[href], h2 a[href], h3 a[href], h4 a[href], article a[href] h2, "
                    + "article a[href] h3")) {
                teasers += heading.text().length() > 15 ? 1 : 0;
            }
            // Scripts and styles hold data, not text, so the tally leaves them out.
            return new Page(TextTally.of(body).linkDensity(body), teasers, !page.select("input[type=password]").isEmpty());
        }
    }

    static PageKind judge(Page page, MainText.Found found) {
        String markdown = found.markdown();
        int letters = (int) markdown.codePoints().filter(Character::isLetterOrDigit).count();
        if (found.linkDensity() >= LINKS_TEXT && sentences(markdown) < FEW_SENTENCES) {
            return new PageKind.NotArticle("a list of links", Math.round(found.linkDensity() * 100)
                    + "% of its main text is links");
        }
        if (letters >= SHORT_TEXT) {
            return new PageKind.Article();
        }
        String lower = markdown.toLowerCase(Locale.ROOT);
        if (page.password() && (letters < TOO_LITTLE || SIGN_IN.matcher(lower).find())) {
            return new PageKind.NotArticle("a sign-in page", "it asks for a password and holds no article text");
        }
        if (CONSENT.matcher(lower).results().count() >= 2) {
            return new PageKind.NotArticle("a cookie wall", "its only text is a consent notice");
        }
        boolean framed = letters < FRAME_TEXT && sentences(markdown) < FEW_SENTENCES;
        if (framed && page.teasers() >= INDEX_ITEMS) {
            return new PageKind.NotArticle("an index of other pages",
                    page.teasers() + " linked headlines and little text of its own (a tag, category or front page)");
        }
        if (framed && page.linkDensity() >= LINKS_PAGE) {
            return new PageKind.NotArticle("a list of links", Math.round(page.linkDensity() * 100)
                    + "% of its text is links and little is left to read");
        }
        if (letters < TOO_LITTLE) {
            return new PageKind.NotArticle("a page with next to no text",
                    letters == 0 ? "no readable text found in it" : "only " + letters + " letters of text");
        }
        return new PageKind.Article();
    }
}
