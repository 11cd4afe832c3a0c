package org.painsearch.search;

import org.painsearch.engine.RankingMode;
import org.painsearch.engine.SortOrder;
import org.painsearch.engine.SearchRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.painsearch.index.Fields;
import org.painsearch.index.ParallelSearch;

/**
 * Decides which documents are hits and in what order. A hit matches the query's words as read (with every
 * phrase, required word, exclusion and filter), or, ranking by meaning, has a passage whose closeness to the query
 * reaches the configured threshold while honouring the exclusions and filters too. Nothing else is added. Word
 * matches come first, ranked by BM25 fused with their closeness in meaning; documents found only by meaning follow,
 * closest first.
 */
final class Ranker {
    // Equal scores (and dates) in the order of their ids: Lucene would keep index order, which a rebuild on several
    // threads does not fix; by id, the same search answers the same after every rebuild, page cuts included.
    private static final SortField BY_ID = new org.apache.lucene.search.SortedSetSortField(Fields.ID, false);
    private static final Sort BY_SCORE = new Sort(SortField.FIELD_SCORE, BY_ID);
    private static final Sort BY_DATE = new Sort(
            new SortedNumericSortField(Fields.PUBLISHED, SortField.Type.LONG, true), SortField.FIELD_SCORE, BY_ID);
    static final String AND_RELAXED = "No document has all of these words, so results with any of them are shown.";
    static final String SYNTAX_RELAXED = "Nothing matched the query read as search syntax, so it was searched as plain words.";
    static final String MEANING_LOADING = "Search by meaning is still loading (a few seconds after a start), so these "
            + "results match your words only; search again in a moment to add results close in meaning.";
    /** How many of each ranking take part in the fusion. */
    static final int FUSION_DEPTH = 100;

    private final Meaning meaning;
    private final RankingConfig config;

    /** A ranker; {@code meaning} is null when no embeddings are available (words only). */
    Ranker(Meaning meaning, RankingConfig config) {
        this.meaning = meaning;
        this.config = config;
    }

    /** Meaning search, or null when ranking by words only. */
    Meaning meaning() {
        return meaning;
    }

    /**
     * The ranked hits up to the requested page and how they were found.
     *
     * @param docs       hits in order, at least up to the end of the requested page when there are that many
     * @param total      how many hits there are in all
     * @param wordTotal  how many of them match the words
     * @param textQuery  the words' query, for snippets and explanations
     * @param matchPart  what makes a document a hit, before filters: for facets and membership checks
     * @param wordPart   the words' part of it
     * @param meaningPart the meaning part of it (null when ranking by words only)
     * @param fusion     per hit document, how its fused score came about (null for words only)
     * @param hits       every hit (matchPart with the filters), gathered once for the total and the facets
     */
    record Ranking(ScoreDoc[] docs, long total, long wordTotal, Query textQuery, Query matchPart, Query wordPart,
                   Query meaningPart, String notice, QueryFactory.Reading reading, Map<Integer, String> fusion,
                   FacetCounter.Hits hits) {
        boolean fused() {
            return meaningPart != null;
        }

        /** How document {@code doc}'s fused score came about, or null for words-only ranking. */
        String fusionOf(int doc) {
            return fusion == null ? null : fusion.get(doc);
        }
    }

    Ranking rank(IndexSearcher searcher, String text, Analyzer analyzer, List<QueryFactory.FilterClause> clauses,
                 SearchRequest req, RankingMode mode, boolean vectorsIndexed) throws IOException {
        int n = Math.max(1, req.page() * req.size());
        int depth = Math.max(n, FUSION_DEPTH);
        var reading = QueryFactory.read(text, analyzer, config);
        Query textQuery = reading.query();
        String notice = null;
        boolean byMeaning = mode == RankingMode.HYBRID && meaning != null && vectorsIndexed && !text.isBlank();
        boolean meaningLoading = byMeaning && !meaning.ready();
        byMeaning = byMeaning && !meaningLoading;
        // Ranked by words only, the word matches are the hits: one pass over them ranks the page and gathers them
        // all for the total and the facets.
        WordPass words = null;
        long wordTotal;
        if (byMeaning) {
            wordTotal = searcher.count(QueryFactory.combine(textQuery, clauses, null));
        } else {
            words = WordPass.run(searcher, QueryFactory.combine(textQuery, clauses, null), req.sort() == SortOrder.DATE
                    ? new TopFieldCollectorManager(BY_DATE, n, null, n) : new TopFieldCollectorManager(BY_SCORE, n, null, n),
                    reading.question());
            wordTotal = words.total();
        }
        if (wordTotal == 0 && reading.relaxable()) {
            var anyWord = QueryFactory.anyWords(text, analyzer, config);
            long relaxed = searcher.count(QueryFactory.combine(anyWord.query(), clauses, null));
            if (relaxed > 0) {
                textQuery = anyWord.query();
                wordTotal = relaxed;
                notice = AND_RELAXED;
                words = null;
            }
        }
        boolean readAsPlainWords = false;
        if (wordTotal == 0 && QueryFactory.isSentence(text) && QueryFactory.looksLikeSyntax(text)) {
            // "+1", a quoted word, AND in a sentence (or a quote left open, which cannot be syntax): taken as syntax
            // (or as all of the words) they found nothing, so read the sentence as words, as a question is read.
            // A short query ("\"gate spinal\"") means its syntax and keeps its strict reading.
            var plain = QueryFactory.read(QueryFactory.asPlainWords(text), analyzer, config);
            long found = searcher.count(QueryFactory.combine(plain.query(), clauses, null));
            if (found > 0) {
                reading = plain;
                textQuery = plain.query();
                wordTotal = found;
                readAsPlainWords = true;
                notice = SYNTAX_RELAXED;
                words = null;
            }
        }
        if (meaningLoading) {
            // Just after a start the model is still loading: answer by words now, saying so, rather than wait.
            notice = notice == null ? MEANING_LOADING : notice + " " + MEANING_LOADING;
        }
        if (!byMeaning) {
            if (words == null) {
                Query relaxed = QueryFactory.combine(textQuery, clauses, null);
                words = WordPass.run(searcher, relaxed, req.sort() == SortOrder.DATE
                        ? new TopFieldCollectorManager(BY_DATE, n, null, n) : new TopFieldCollectorManager(BY_SCORE, n, null, n),
                        reading.question());
            }
            return new Ranking(words.top().scoreDocs, wordTotal, wordTotal, textQuery, textQuery, textQuery, null, notice,
                    reading, null, words.hits());
        }
        // Exclusions and required words a meaning match must honour too (none for a question or plain words).
        Query constraints = reading.question() || readAsPlainWords ? null
                : QueryFactory.constraints(text, analyzer, FieldExpansion.of(config));
        float[] vector = meaning.embed(text);
        Query close = Meaning.closerThan(vector, config.meaningThreshold());
        Query meaningPart = constraints == null ? close
                : new BooleanQuery.Builder().add(close, Occur.MUST).add(constraints, Occur.FILTER).build();
        Query matchPart = new BooleanQuery.Builder().add(textQuery, Occur.SHOULD).add(meaningPart, Occur.SHOULD)
                .setMinimumNumberShouldMatch(1).build();
        Query meaningOnly = new BooleanQuery.Builder().add(QueryFactory.combine(meaningPart, clauses, null), Occur.MUST)
                .add(textQuery, Occur.MUST_NOT).build();
        // Every hit matches the words or, not matching them, is close in meaning: those found by meaning only are
        // the rest of the hits gathered for the facets.
        FacetCounter.Hits hits = FacetCounter.gather(searcher, QueryFactory.combine(matchPart, clauses, null));
        long meaningOnlyTotal = hits.total() - wordTotal;
        if (req.sort() == SortOrder.DATE) {
            TopDocs top = byDate(searcher, QueryFactory.combine(matchPart, clauses, null), n);
            return new Ranking(top.scoreDocs, wordTotal + meaningOnlyTotal, wordTotal, textQuery, matchPart, textQuery,
                    meaningPart, notice, reading, null, hits);
        }
        var fusion = new HashMap<Integer, String>();
        var docs = new ArrayList<ScoreDoc>(fuse(searcher, textQuery, clauses, constraints, vector, depth, fusion));
        if (docs.size() < n && meaningOnlyTotal > 0) {
            for (ScoreDoc sd : searcher.search(meaningOnly, n - docs.size()).scoreDocs) {
                fusion.put(sd.doc, meaningOnlyExplained(Meaning.cosine(sd.score)));
                docs.add(new ScoreDoc(sd.doc, Meaning.cosine(sd.score)));
            }
        }
        return new Ranking(docs.toArray(ScoreDoc[]::new), wordTotal + meaningOnlyTotal, wordTotal, textQuery, matchPart,
                textQuery, meaningPart, notice, reading, fusion, hits);
    }

    /**
     * The word matches ranked by reciprocal rank fusion of BM25 and meaning: each scores
     * {@code 1/(k + words rank) + w/(k + meaning rank)} over the rankings it is in.
     */
    private List<ScoreDoc> fuse(IndexSearcher searcher, Query textQuery, List<QueryFactory.FilterClause> clauses,
                                Query constraints, float[] vector, int depth, Map<Integer, String> how) throws IOException {
        Query words = QueryFactory.combine(textQuery, clauses, null);
        ScoreDoc[] byWords = searcher.search(words, depth, BY_SCORE, true).scoreDocs;
        // With nothing to honour, every passage may take part: an unfiltered graph search, no filter to gather first.
        Query allowed = constraints == null && clauses.isEmpty() ? null
                : QueryFactory.combine(constraints == null ? MatchAllDocsQuery.INSTANCE : constraints, clauses, null);
        List<ScoreDoc> byMeaning = Meaning.nearest(searcher, vector, allowed, FUSION_DEPTH);
        boolean[] nearIsWordHit = Membership.of(searcher, words, byMeaning.stream().mapToInt(sd -> sd.doc).toArray());
        var fused = new LinkedHashMap<Integer, Float>();
        var wordRank = new HashMap<Integer, Integer>();
        var meaningRank = new HashMap<Integer, Integer>();
        int k = config.rrfK();
        for (int i = 0; i < byWords.length; i++) {
            fused.merge(byWords[i].doc, 1f / (k + i + 1), Float::sum);
            wordRank.put(byWords[i].doc, i + 1);
        }
        for (int i = 0; i < byMeaning.size(); i++) {
            int doc = byMeaning.get(i).doc;
            meaningRank.put(doc, i + 1);
            if (nearIsWordHit[i]) {
                fused.merge(doc, config.meaningWeight() / (k + i + 1), Float::sum);
            }
        }
        var ranked = Arrays.asList(Ties.byId(searcher, fused.entrySet().stream()
                .sorted(Map.Entry.<Integer, Float>comparingByValue().reversed())
                .map(e -> new ScoreDoc(e.getKey(), e.getValue())).toArray(ScoreDoc[]::new)));
        for (ScoreDoc sd : ranked) {
            how.put(sd.doc, fusionExplained(k, wordRank.get(sd.doc), meaningRank.get(sd.doc), sd.score));
        }
        return ranked;
    }

    /** How a fused hit scored: its rank in each ranking (null: not in it) and the fused score. */
    static String fusionExplained(int k, Integer wordRank, Integer meaningRank, float fused) {
        return "reciprocal rank fusion (k=" + k + "): words rank " + (wordRank == null ? "-" : wordRank)
                + ", meaning rank " + (meaningRank == null ? "-" : meaningRank) + ", fused score " + fused;
    }

    /** How a hit found by meaning only scored: its closest passage's cosine. */
    static String meaningOnlyExplained(float cosine) {
        return "found by meaning only: closest passage cosine " + String.format(java.util.Locale.ROOT, "%.3f", cosine);
    }

    /** The top of a ranking and every hit, from one pass over the hits. */
    private record WordPass(TopDocs top, FacetCounter.Hits hits) {
        long total() {
            return hits.total();
        }

        /**
         * Ranks and gathers in one scored pass; or, for a question read as any of its words, in two: the top ranked
         * skipping documents that cannot reach it, the hits gathered without scores (cheaper than scoring them all).
         */
        static WordPass run(IndexSearcher searcher, Query query, CollectorManager<?, ? extends TopDocs> top,
                            boolean anyWord) throws IOException {
            if (anyWord) {
                // A question's words match much of the index: both passes are spread over the cores.
                var hits = FacetCounter.gather(searcher, query);
                IndexSearcher wide = ParallelSearch.wide(searcher);
                TopDocs ranked = wide.search(query, top);
                SearchLimits.requireFinished(wide);
                return new WordPass(withScores(ranked), hits);
            }
            Object[] both = searcher.search(query, new MultiCollectorManager(top, new FacetCounter.HitsManager()));
            return new WordPass(withScores((TopDocs) both[0]), (FacetCounter.Hits) both[1]);
        }

        // A sorted collection keeps each hit's score among its sort values: copied to the hit, not computed again.
        private static TopDocs withScores(TopDocs top) {
            if (top instanceof org.apache.lucene.search.TopFieldDocs sorted) {
                for (int f = 0; f < sorted.fields.length; f++) {
                    if (sorted.fields[f].getType() == SortField.Type.SCORE) {
                        for (ScoreDoc sd : sorted.scoreDocs) {
                            sd.score = (Float) ((org.apache.lucene.search.FieldDoc) sd).fields[f];
                        }
                        break;
                    }
                }
            }
            return top;
        }
    }

    private static TopDocs byDate(IndexSearcher searcher, Query query, int n) throws IOException {
        return searcher.search(query, new TopFieldCollectorManager(BY_DATE, n, null, n));
    }
}
