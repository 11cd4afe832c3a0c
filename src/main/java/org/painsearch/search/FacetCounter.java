package org.painsearch.search;

import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Counts facet values over the keyword fields' doc values, all fields from one pass over the hits, caching the
 * per-reader ordinal state.
 */
final class FacetCounter {
    private static final int MAX_VALUES = 30;

    // Building a reader state maps ordinals across segments: done once per reader, not per query.
    private volatile CachedStates cache = new CachedStates(null, Map.of());

    private record CachedStates(IndexReader reader, Map<String, StringDocValuesReaderState> states) {
    }

    /** The documents matching {@code query}, gathered once, without scoring them, for counting every field. */
    static FacetsCollector matching(IndexSearcher searcher, Query query) throws IOException {
        return searcher.search(query, new FacetsCollectorManager());
    }

    /** How many documents {@code hits} holds. */
    static long total(FacetsCollector hits) {
        long total = 0;
        for (var docs : hits.getMatchingDocs()) {
            total += docs.totalHits();
        }
        return total;
    }

    /** Value counts of {@code field} among the {@code hits}, largest first (years: newest first, all of them). */
    Map<String, Long> count(IndexSearcher searcher, FacetsCollector hits, String field, boolean byLabelDescending)
            throws IOException {
        StringDocValuesReaderState state = state(searcher.getIndexReader(), field);
        var out = new LinkedHashMap<String, Long>();
        if (state == null) {
            return out;
        }
        var counts = new StringValueFacetCounts(state, hits);
        // Years are a timeline: every one is offered (newest first), not only the most frequent.
        FacetResult result = byLabelDescending ? counts.getAllChildren(field) : counts.getTopChildren(MAX_VALUES, field);
        if (result == null) {
            return out;
        }
        var values = java.util.Arrays.stream(result.labelValues)
                .sorted(byLabelDescending
                        ? Comparator.comparing((LabelAndValue lv) -> lv.label).reversed()
                        : Comparator.comparing((LabelAndValue lv) -> lv.value.longValue()).reversed()
                                .thenComparing(lv -> lv.label))
                .toList();
        values.forEach(lv -> out.put(lv.label, lv.value.longValue()));
        return out;
    }

    private StringDocValuesReaderState state(IndexReader reader, String field) throws IOException {
        CachedStates c = cache;
        if (c.reader() != reader) {
            c = new CachedStates(reader, new java.util.concurrent.ConcurrentHashMap<>());
            cache = c;
        }
        if (!c.states().containsKey(field)) {
            try {
                c.states().put(field, new StringDocValuesReaderState(reader, field));
            } catch (IllegalArgumentException | IllegalStateException e) {
                return null; // no document has this field yet
            }
        }
        return c.states().get(field);
    }
}
