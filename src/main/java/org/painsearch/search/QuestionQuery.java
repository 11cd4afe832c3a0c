package org.painsearch.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.painsearch.index.Analysis;
import org.painsearch.index.Fields;

/**
 * The query for a question typed in plain words ("why does pain come back days after a massage"): any of its
 * words may match, so a document is not lost for missing one, and BM25 ranks those covering more of the rarer
 * words higher; the words that only make it a question are dropped, and neighbouring words found near each
 * other in a title or body add to the score.
 */
final class QuestionQuery {
    // Words that make a sentence a question or a request, not what it is about. Tuned on the dev splits.
    static final Set<String> QUESTION_WORDS = Set.of("what", "whar", "which", "who", "whom", "why", "how", "when",
            "where", "do", "does", "did", "can", "could", "should", "would", "i", "me", "my", "we", "you", "your",
            "am", "has", "have", "had", "get", "find", "know", "information", "info", "tell", "please", "about",
            "any", "anything", "someone", "so", "much", "many", "from", "after", "before", "there", "here");
    // Small: nearness should order documents that match alike, not outvote a rarer word. Tuned on the dev splits.
    static final float PROXIMITY_BOOST = 0.25f;
    static final int PROXIMITY_SLOP = 3;
    static final boolean DROP = true;
    private static final Analyzer PLAIN = Analysis.indexAnalyzer();

    private QuestionQuery() {
    }

    static Query build(String text, Analyzer analyzer) {
        String kept = DROP ? withoutQuestionWords(text) : text;
        Query words;
        try {
            words = QueryFactory.parser(analyzer, false).parse(QueryParser.escape(kept));
        } catch (ParseException | RuntimeException e) {
            return new MatchNoDocsQuery("no words in: " + text);
        }
        var near = proximity(kept);
        if (near.isEmpty() || PROXIMITY_BOOST <= 0) {
            return words;
        }
        var b = new BooleanQuery.Builder().add(words, Occur.MUST);
        near.forEach(q -> b.add(new BoostQuery(q, PROXIMITY_BOOST), Occur.SHOULD));
        return b.build();
    }

    /** The text without the words that only make it a question. */
    static String withoutQuestionWords(String text) {
        var out = new ArrayList<String>();
        for (String w : text.split("\\s+")) {
            String bare = w.replaceAll("[^\\p{L}\\p{N}']", "").toLowerCase(java.util.Locale.ROOT);
            if (!QUESTION_WORDS.contains(bare)) {
                out.add(w);
            }
        }
        return out.isEmpty() ? text : String.join(" ", out);
    }

    // Each pair of neighbouring words as a sloppy phrase in the title and in the body.
    private static List<Query> proximity(String text) {
        List<String> terms = Analysis.terms(PLAIN, text);
        var out = new ArrayList<Query>();
        for (int i = 0; i + 1 < terms.size() && out.size() < 2 * 16; i++) {
            if (terms.get(i).equals(terms.get(i + 1))) {
                continue;
            }
            for (String field : List.of(Fields.TITLE, Fields.BODY)) {
                out.add(new PhraseQuery(PROXIMITY_SLOP, field, terms.get(i), terms.get(i + 1)));
            }
        }
        return out;
    }
}
