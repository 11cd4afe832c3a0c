package org.painsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.painsearch.index.FacetFields;
import org.painsearch.index.ParallelSearch;
import org.painsearch.index.Fields;

/**
 * Counts the facets (type, tag, source, year) of a search's hits with Lucene's facet module: every dimension in one
 * pass over the hits, from the one facet field ({@link FacetFields}); the reader state that maps each segment's
 * values to the whole index's is built once per reader ({@link ReaderCache#facetState}), not per search. The hits of
 * each slice of the index ({@link ParallelSearch#wide}) are kept apart: many hits on several slices are counted slice
 * by slice on several threads and the counts added up; otherwise the facet module counts them all at once and picks
 * each dimension's top values itself.
 */
final class FacetCounter {
    private static final int MAX_VALUES = 30;
    // Hits from which counting the slices' shares on several threads pays (below, one thread counts them all).
    private static final long MIN_SHARED_COUNT = 10_000;

    private FacetCounter() {
    }

    /** A search's hits as gathered on each slice of the index. */
    record Hits(List<FacetsCollector> slices) {
        /** How many documents the hits are. */
        long total() {
            long total = 0;
            for (var docs : matchingDocs()) {
                total += docs.totalHits();
            }
            return total;
        }

        /** The hits of each segment. */
        List<FacetsCollector.MatchingDocs> matchingDocs() {
            var all = new ArrayList<FacetsCollector.MatchingDocs>();
            slices.forEach(s -> all.addAll(s.getMatchingDocs()));
            return all;
        }
    }

    /** Gathers the hits of each slice without scores, kept apart for {@link #count}. */
    static final class HitsManager implements CollectorManager<FacetsCollector, Hits> {
        @Override
        public FacetsCollector newCollector() {
            return new FacetsCollector();
        }

        @Override
        public Hits reduce(Collection<FacetsCollector> collectors) {
            return new Hits(List.copyOf(collectors));
        }
    }

    /** The documents matching {@code query}, gathered without scoring them, on the calling thread (a look-up). */
    static Hits matching(IndexSearcher searcher, Query query) throws IOException {
        return searcher.search(query, new HitsManager());
    }

    /**
     * A search's hits for {@code query}, gathered once, without scoring them, for the total and every facet: a pass
     * that may cover most of the index (a question matches any of its words), so it is spread over the cores
     * ({@link ParallelSearch#wide}).
     */
    static Hits gather(IndexSearcher searcher, Query query) throws IOException {
        IndexSearcher wide = ParallelSearch.wide(searcher);
        Hits hits = wide.search(query, new HitsManager());
        SearchLimits.requireFinished(wide);
        return hits;
    }

    /**
     * Value counts of each dimension among the {@code hits}, dimensions in {@link FacetFields#DIMENSIONS} order;
     * values largest first (then by name), at most {@value #MAX_VALUES}, except years: newest first, all of them (a
     * timeline).
     */
    static Map<String, Map<String, Long>> count(IndexSearcher searcher, Hits hits) throws IOException {
        return count(searcher, hits, MIN_SHARED_COUNT);
    }

    /** As {@link #count(IndexSearcher, Hits)}, counting slice by slice from {@code minShared} hits. */
    static Map<String, Map<String, Long>> count(IndexSearcher searcher, Hits hits, long minShared) throws IOException {
        var out = new LinkedHashMap<String, Map<String, Long>>();
        FacetFields.DIMENSIONS.forEach(dim -> out.put(dim, new LinkedHashMap<>()));
        var state = ReaderCache.of(searcher).facetState(searcher);
        if (state.isEmpty()) {
            return out;
        }
        if (hits.slices().size() == 1 || hits.total() < minShared) {
            // Few hits are counted sooner on this thread than another thread could be woken up to share them.
            var all = hits.slices().size() == 1 ? hits.slices().get(0) : new FacetsCollectorManager().reduce(hits.slices());
            counts(state.get(), all, false).forEach((dim, values) -> putOrdered(out, dim, values));
            return out;
        }
        // Many hits on several slices: each slice's counted on its own thread, every value, and the counts added up.
        var perSlice = new ArrayList<Callable<Map<String, Map<String, Long>>>>();
        for (FacetsCollector slice : hits.slices()) {
            perSlice.add(() -> counts(state.get(), slice, true));
        }
        var sums = new HashMap<String, Map<String, Long>>();
        for (var counts : ParallelSearch.tasks().invokeAll(perSlice)) {
            counts.forEach((dim, values) -> values.forEach((label, n) ->
                    sums.computeIfAbsent(dim, d -> new HashMap<>()).merge(label, n, Long::sum)));
        }
        for (String dim : FacetFields.DIMENSIONS) {
            putOrdered(out, dim, sums.getOrDefault(dim, Map.of()));
        }
        return out;
    }

    // The values of one dimension in the answer's order: years newest first, all of them; others largest first, then
    // by name, at most MAX_VALUES. Values counted zero are left out.
    private static void putOrdered(Map<String, Map<String, Long>> out, String dim, Map<String, Long> values) {
        var counted = values.entrySet().stream().filter(e -> e.getValue() > 0);
        var ordered = dim.equals(Fields.YEAR)
                ? counted.sorted(Map.Entry.<String, Long>comparingByKey().reversed())
                : counted.sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey())).limit(MAX_VALUES);
        ordered.forEach(e -> out.get(dim).put(e.getKey(), e.getValue()));
    }

    // The values counted among the hits, by dimension: every value when all is true, else the top MAX_VALUES of
    // each dimension but years (all of them). A dimension no document has yet is left out.
    private static Map<String, Map<String, Long>> counts(DefaultSortedSetDocValuesReaderState state,
                                                         FacetsCollector hits, boolean all) throws IOException {
        var out = new HashMap<String, Map<String, Long>>();
        var counts = new SortedSetDocValuesFacetCounts(state, hits);
        for (String dim : FacetFields.DIMENSIONS) {
            FacetResult result;
            try {
                result = all || dim.equals(Fields.YEAR) ? counts.getAllChildren(dim)
                        : counts.getTopChildren(MAX_VALUES, dim);
            } catch (IllegalArgumentException notIndexed) {
                continue; // no document has a value for this dimension yet
            }
            if (result != null) {
                var values = new HashMap<String, Long>();
                for (LabelAndValue lv : result.labelValues) {
                    values.put(lv.label, lv.value.longValue());
                }
                out.put(dim, values);
            }
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
