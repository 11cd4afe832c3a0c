package org.painsearch.search;

import java.util.ArrayList;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.painsearch.index.Fields;

/**
 * The query for text typed in plain words ("why does pain come back days after a massage"): any of its words may
 * match, so a document is not lost for missing one, and BM25F ranks those covering more of the rarer words higher.
 * Words that only make it a question are dropped. A query put as a question also scores its words in titles apart:
 * a question asks about a topic, and a title names its document's topic; a statement (a claim, a description) is
 * matched on the evidence in the text.
 */
final class QuestionQuery {
    // Words that make a sentence a question or a request, not what it is about. Tuned on the dev splits.
    static final Set<String> QUESTION_WORDS = Set.of("what", "whar", "which", "who", "whom", "why", "how", "when",
            "where", "do", "does", "did", "can", "could", "should", "would", "i", "me", "my", "we", "you", "your",
            "am", "has", "have", "had", "get", "find", "know", "information", "info", "tell", "please", "about",
            "any", "anything", "someone", "so", "much", "many", "from", "after", "before", "there", "here");
    private static final Pattern QUESTION_FORM = Pattern.compile("(?i)^\\s*(what|whats|why|how|when|where|who|whom"
            + "|whose|which|is|are|was|were|do|does|did|can|could|should|would|will|has|have|had|may|might|must|shall)"
            + "\\b.*|.*\\?\\s*$", Pattern.DOTALL);

    private QuestionQuery() {
    }

    static Query build(String text, Analyzer analyzer, RankingConfig config) {
        String kept = withoutQuestionWords(text);
        Query parsed;
        try {
            parsed = QueryFactory.parser(analyzer, false).parse(QueryParser.escape(kept));
        } catch (ParseException | RuntimeException e) {
            return new MatchNoDocsQuery("no words in: " + text);
        }
        Query words = FieldExpansion.of(config).expand(parsed);
        if (config.questionBonus() <= 0 || !isQuestionForm(text)) {
            return words;
        }
        Query title = FieldExpansion.only(Fields.TITLE).expand(parsed);
        return new BooleanQuery.Builder().add(words, Occur.MUST)
                .add(new BoostQuery(title, config.questionBonus()), Occur.SHOULD).build();
    }

    /** True when {@code text} is put as a question (a question word first, or a question mark last). */
    static boolean isQuestionForm(String text) {
        return QUESTION_FORM.matcher(text).matches();
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
}
