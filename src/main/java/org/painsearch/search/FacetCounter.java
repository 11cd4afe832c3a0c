package org.painsearch.search;

import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.painsearch.index.FacetFields;
import org.painsearch.index.Fields;

/**
 * Counts the facets (type, tag, source, year) of a search's hits with Lucene's facet module: every dimension in one
 * pass over the hits, from the one facet field ({@link FacetFields}); the reader state that maps each segment's
 * values to the whole index's is built once per reader ({@link ReaderCache#facetState}), not per search.
 */
final class FacetCounter {
    private static final int MAX_VALUES = 30;

    private FacetCounter() {
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

    /**
     * Value counts of each dimension among the {@code hits}, dimensions in {@link FacetFields#DIMENSIONS} order;
     * values largest first, at most {@value #MAX_VALUES}, except years: newest first, all of them (a timeline).
     */
    static Map<String, Map<String, Long>> count(IndexSearcher searcher, FacetsCollector hits) throws IOException {
        var out = new LinkedHashMap<String, Map<String, Long>>();
        FacetFields.DIMENSIONS.forEach(dim -> out.put(dim, new LinkedHashMap<>()));
        var state = ReaderCache.of(searcher).facetState(searcher);
        if (state.isEmpty()) {
            return out;
        }
        var counts = new SortedSetDocValuesFacetCounts(state.get(), hits);
        for (String dim : FacetFields.DIMENSIONS) {
            boolean timeline = dim.equals(Fields.YEAR);
            FacetResult result;
            try {
                result = timeline ? counts.getAllChildren(dim) : counts.getTopChildren(MAX_VALUES, dim);
            } catch (IllegalArgumentException notIndexed) {
                continue; // no document has a value for this dimension yet
            }
            if (result == null) {
                continue;
            }
            var values = java.util.Arrays.stream(result.labelValues)
                    .filter(lv -> lv.value.longValue() > 0)
                    .sorted(timeline
                            ? Comparator.comparing((LabelAndValue lv) -> lv.label).reversed()
                            : Comparator.comparing((LabelAndValue lv) -> lv.value.longValue()).reversed()
                                    .thenComparing(lv -> lv.label))
                    .toList();
            values.forEach(lv -> out.get(dim).put(lv.label, lv.value.longValue()));
        }
        return out;
    }

    /** The facet module's state for {@code reader}; empty when no document has a facet value yet. */
    static java.util.Optional<DefaultSortedSetDocValuesReaderState> readerState(IndexReader reader) throws IOException {
        try {
            return java.util.Optional.of(new DefaultSortedSetDocValuesReaderState(reader, FacetFields.FIELD,
                    FacetFields.CONFIG));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return java.util.Optional.empty(); // no document has a facet value yet
        }
    }
}
