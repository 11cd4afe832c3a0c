package org.painsearch.search;

import java.util.regex.Pattern;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.search.IndexSearcher;

/**
 * What one search may cost: how many terms may expand (wildcards, fuzzy terms, regular expressions), how short a
 * wildcard's fixed start may be, and how long the search may run. Each refusal says what to change.
 */
public final class SearchLimits {
    /** Terms with {@code *}, {@code ?}, {@code ~} or a {@code /regex/} in one query. */
    public static final int MAX_EXPANDING_TERMS = 5;
    /** Letters a wildcard term needs before its first {@code *} or {@code ?}: {@code a*} would match most words. */
    public static final int MIN_WILDCARD_PREFIX = 2;
    private static final long DEFAULT_TIMEOUT_MILLIS = 10_000;
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"(~\\d+)?");
    // A trailing "?" after a word is a question's punctuation, not a wildcard (see QueryFactory).
    private static final Pattern QUESTION_MARK = Pattern.compile("(?<=\\S)\\?+(?=\\s|$)");

    private SearchLimits() {
    }

    /** Thrown when a search ran past its time; answered as a request to search more narrowly. */
    public static final class TooSlow extends IllegalArgumentException {
        TooSlow(long millis) {
            super("the search took longer than " + millis / 1000 + " s and was stopped; use more specific words "
                    + "or fewer wildcards");
        }
    }

    /** Refuses query text whose expanding terms would make the search costly, saying which term and why. */
    public static void checkExpansions(String query) {
        if (query == null) {
            return;
        }
        String outsideQuotes = QUOTED.matcher(query).replaceAll(" ");
        outsideQuotes = QUESTION_MARK.matcher(outsideQuotes).replaceAll("");
        int expanding = 0;
        for (String raw : outsideQuotes.split("\\s+")) {
            String term = raw.replaceFirst("^[-+(]+", "").replaceFirst("^\\w+:", "");
            boolean regex = term.length() > 1 && term.startsWith("/") && term.indexOf('/', 1) > 0;
            boolean fuzzy = term.matches(".*\\w~\\d*(\\.\\d+)?\\)*$");
            int wildcard = firstWildcard(term);
            if (wildcard >= 0 && !regex && wildcard < MIN_WILDCARD_PREFIX) {
                throw new IllegalArgumentException("a wildcard needs at least " + MIN_WILDCARD_PREFIX
                        + " letters before it (got: " + raw + "); type more of the word");
            }
            if (regex || fuzzy || wildcard >= 0) {
                expanding++;
            }
        }
        if (expanding > MAX_EXPANDING_TERMS) {
            throw new IllegalArgumentException("the query has " + expanding + " terms with wildcards, ~ or regular "
                    + "expressions (at most " + MAX_EXPANDING_TERMS + "); write some words out in full");
        }
    }

    private static int firstWildcard(String term) {
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?') {
                return i;
            }
        }
        return -1;
    }

    /** A searcher over the same index as {@code shared} that stops collecting when the search runs out of time. */
    public static IndexSearcher timed(IndexSearcher shared) {
        var searcher = new IndexSearcher(shared.getIndexReader());
        searcher.setSimilarity(shared.getSimilarity());
        searcher.setTimeout(new QueryTimeoutImpl(timeoutMillis()));
        return searcher;
    }

    /** Throws {@link TooSlow} when {@code searcher} ran out of time (its results would be partial). */
    public static void requireFinished(IndexSearcher searcher) {
        if (searcher.timedOut()) {
            throw new TooSlow(timeoutMillis());
        }
    }

    // A system property, so an operator (or a test) can change it without a rebuild.
    static long timeoutMillis() {
        return Long.getLong("painsearch.search.timeoutMillis", DEFAULT_TIMEOUT_MILLIS);
    }
}
