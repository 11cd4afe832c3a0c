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
        var corrections = new java.util.HashMap<String, String>();
        for (String word : words(text)) {
            if (reader.docFreq(new Term(Fields.SPELL, word)) == 0) {
                SuggestWord[] best = CHECKER.suggestSimilar(new Term(Fields.SPELL, word), 1, reader,
                        SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                if (best.length > 0) {
                    corrections.put(word, best[0].string);
                }
            }
        }
        return corrected(text, corrections);
    }

    /** The words of {@code text} that may be misspelled, lower-cased, without repeats: what a correction looks at. */
    static java.util.Set<String> words(String text) {
        var out = new java.util.LinkedHashSet<String>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            if (!isOperator(m.group())) {
                out.add(m.group().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** The text with each word that has a correction in {@code corrections} replaced; null when none has. */
    static String corrected(String text, java.util.Map<String, String> corrections) {
        Matcher m = WORD.matcher(text);
        var out = new StringBuilder();
        boolean changed = false;
        while (m.find()) {
            String replacement = m.group();
            String better = isOperator(m.group()) ? null : corrections.get(m.group().toLowerCase(Locale.ROOT));
            if (better != null) {
                replacement = better;
                changed = true;
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
