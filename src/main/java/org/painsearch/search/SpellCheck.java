package org.painsearch.search;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.painsearch.index.Fields;

/** "Did you mean": each word the corpus lacks replaced by the nearest word it has (Lucene's DirectSpellChecker). */
final class SpellCheck {
    // Fewer results than this and a correction is worth offering.
    static final int FEW_RESULTS = 3;
    private static final Pattern WORD = Pattern.compile("(?<![\\w:-])\\p{L}{3,}(?![\\w:])");
    private static final DirectSpellChecker CHECKER = new DirectSpellChecker();

    private SpellCheck() {
    }

    /** The text with misspelled words corrected, or null when no word needs or has a correction. */
    static String didYouMean(IndexReader reader, String text) throws IOException {
        Matcher m = WORD.matcher(text);
        var out = new StringBuilder();
        boolean changed = false;
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT);
            String replacement = m.group();
            if (!isOperator(m.group()) && reader.docFreq(new Term(Fields.SPELL, word)) == 0) {
                SuggestWord[] best = CHECKER.suggestSimilar(new Term(Fields.SPELL, word), 1, reader,
                        SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                if (best.length > 0) {
                    replacement = best[0].string;
                    changed = true;
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return changed ? out.toString() : null;
    }

    private static boolean isOperator(String w) {
        return w.equals("AND") || w.equals("OR") || w.equals("NOT");
    }
}
