package org.painsearch.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/**
 * The query for a question typed in plain words ("why does pain come back days after a massage"): any of its
 * words may match, so a document is not lost for missing one; BM25 ranks those covering more of the rarer words
 * higher.
 */
final class QuestionQuery {
    private QuestionQuery() {
    }

    static Query build(String text, Analyzer analyzer) {
        try {
            return QueryFactory.parser(analyzer, false).parse(QueryParser.escape(text));
        } catch (ParseException | RuntimeException e) {
            return new MatchNoDocsQuery("no words in: " + text);
        }
    }
}
