package org.painsearch.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.painsearch.index.Fields;

/**
 * Chooses how a query's words are read and ranks the documents: a plain question ranks by how many of its
 * words a document has and where; a short query needs all its words, relaxed to any when none has all.
 */
final class Ranker {
    private static final Sort BY_DATE = new Sort(
            new SortedNumericSortField(Fields.PUBLISHED, SortField.Type.LONG, true), SortField.FIELD_SCORE);
    static final String AND_RELAXED = "No document has all of these words, so results with any of them are shown.";

    private final VectorRanker vectors;

    /** A ranker; {@code vectors} is null when no embeddings are available (BM25 only). */
    Ranker(VectorRanker vectors) {
        this.vectors = vectors;
    }

    /** The ranked documents, the total matching, the text query (for snippets) and a notice when relaxed. */
    record Ranking(ScoreDoc[] docs, long total, Query textQuery, String notice, QueryFactory.Reading reading,
                   java.util.Map<Integer, String> fusion, long wordTotal) {
        Ranking(ScoreDoc[] docs, long total, Query textQuery, String notice, QueryFactory.Reading reading) {
            this(docs, total, textQuery, notice, reading, null, total);
        }

        /** Documents matching the words alone: vector neighbours match any query, so they do not count here. */
        long wordMatches() {
            return wordTotal;
        }

        boolean fused() {
            return fusion != null;
        }

        /** How document {@code doc}'s fused score came about, or null for words-only ranking. */
        String fusionOf(int doc) {
            return fusion == null ? null : fusion.get(doc);
        }
    }

    Ranking rank(IndexSearcher searcher, String text, Analyzer analyzer, List<QueryFactory.FilterClause> clauses,
                 SearchRequest req, RankingMode mode) throws IOException {
        int n = Math.max(1, req.page() * req.size());
        var reading = QueryFactory.read(text, analyzer);
        Query textQuery = reading.query();
        TopDocs top = topDocs(searcher, QueryFactory.combine(textQuery, clauses, null), req, n);
        String notice = null;
        if (top.totalHits.value() == 0 && reading.relaxable()) {
            var anyWord = QueryFactory.text(text, analyzer, false);
            TopDocs relaxed = topDocs(searcher, QueryFactory.combine(anyWord.query(), clauses, null), req, n);
            if (relaxed.totalHits.value() > 0) {
                textQuery = anyWord.query();
                top = relaxed;
                notice = AND_RELAXED;
            }
        }
        if (mode == RankingMode.HYBRID && vectors != null && req.sort() == SortOrder.RELEVANCE && !text.isBlank()) {
            return vectors.fuse(searcher, text, top, textQuery, clauses, n, notice, reading);
        }
        return new Ranking(top.scoreDocs, top.totalHits.value(), textQuery, notice, reading);
    }

    /** True when hybrid ranking can run here. */
    boolean hybridAvailable() {
        return vectors != null;
    }

    private static TopDocs topDocs(IndexSearcher searcher, Query query, SearchRequest req, int n) throws IOException {
        // Counting every hit keeps "total" exact; the corpus is a person's library, so this stays cheap.
        return req.sort() == SortOrder.DATE
                ? searcher.search(query, new TopFieldCollectorManager(BY_DATE, n, null, Integer.MAX_VALUE))
                : searcher.search(query, new TopScoreDocCollectorManager(Math.max(n, VectorRanker.FUSION_DEPTH),
                        null, Integer.MAX_VALUE));
    }
}
