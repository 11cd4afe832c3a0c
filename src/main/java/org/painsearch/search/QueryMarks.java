package org.painsearch.search;

import org.painsearch.engine.UserQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.painsearch.index.Fields;
import org.painsearch.index.IndexService;
import org.painsearch.index.Synonyms;

/**
 * The words of one document that a query matched, as they are written there (stems and synonyms included), so
 * the document view opened from a hit can mark them: Lucene's highlighter decides, as it does for snippets.
 */
public final class QueryMarks {
    private static final int MAX_MARKS = 100;
    // Sentences read per field of each document: enough for a long article; the highlighter sizes a queue by it.
    private static final int MAX_PASSAGES = 1000;
    private static final int MAX_SEGMENTS = 2000;
    private static final String[] FIELDS = {Fields.TITLE, Fields.BODY};

    private final IndexService index;
    private final Synonyms synonyms;

    public QueryMarks(IndexService index, Synonyms synonyms) {
        this.index = index;
        this.synonyms = synonyms;
    }

    /**
     * Distinct matched words or phrases of document {@code id} (title, body and podcast segments), in order of
     * first appearance, case kept; empty for a query without words or an unknown id.
     */
    public List<String> of(String id, String query) throws IOException {
        String text = query == null ? "" : UserQuery.parse(query).text();
        if (text.isBlank()) {
            return List.of();
        }
        Analyzer analyzer = synonyms.queryAnalyzer();
        Query words = QueryFactory.text(text, analyzer, false, FieldExpansion.of(RankingConfig.DEFAULT)).query();
        return index.withSearcher(searcher -> {
            int doc = NoteLinks.find(searcher, id);
            if (doc < 0) {
                return List.of();
            }
            var docs = new ArrayList<Integer>();
            docs.add(doc);
            var segments = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(Fields.ROOT, id)), Occur.FILTER)
                    .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_SEGMENT)), Occur.FILTER)
                    .build();
            for (ScoreDoc sd : searcher.search(segments, MAX_SEGMENTS).scoreDocs) {
                docs.add(sd.doc);
            }
            return matched(searcher, analyzer, words, docs.stream().mapToInt(Integer::intValue).sorted().toArray());
        });
    }

    static List<String> matched(IndexSearcher searcher, Analyzer analyzer, Query words, int[] docs)
            throws IOException {
        var highlighter = new AllMatches(UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new MatchFormatter())
                .withMaxLength(200_000)
                .withMaxNoHighlightPassages(0));
        int[] maxPassages = new int[FIELDS.length];
        java.util.Arrays.fill(maxPassages, MAX_PASSAGES);
        Map<String, Object[]> found = highlighter.highlightFieldsAsObjects(FIELDS, words, docs, maxPassages);
        // Keyed by lower case, so "Massage" and "massage" are marked once; the first spelling met is kept.
        var out = new LinkedHashMap<String, String>();
        for (String field : FIELDS) {
            for (Object perDoc : found.get(field)) {
                if (perDoc instanceof List<?> list) {
                    for (Object word : list) {
                        String w = word.toString();
                        if (out.size() < MAX_MARKS) {
                            out.putIfAbsent(w.toLowerCase(Locale.ROOT), w);
                        }
                    }
                }
            }
        }
        return List.copyOf(out.values());
    }

    // The highlighter's per-document objects (the matched texts) rather than joined strings.
    private static final class AllMatches extends UnifiedHighlighter {
        AllMatches(Builder builder) {
            super(builder);
        }

        @Override
        public Map<String, Object[]> highlightFieldsAsObjects(String[] fields, Query query, int[] docIds,
                                                              int[] maxPassages) throws IOException {
            return super.highlightFieldsAsObjects(fields, query, docIds, maxPassages);
        }
    }

    // Each match's text, in the order they occur.
    private static final class MatchFormatter extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            var words = new ArrayList<String>();
            for (Passage p : passages) {
                for (int i = 0; i < p.getNumMatches(); i++) {
                    String w = content.substring(p.getMatchStarts()[i], p.getMatchEnds()[i]).strip();
                    if (!w.isEmpty()) {
                        words.add(w);
                    }
                }
            }
            return words;
        }
    }
}
