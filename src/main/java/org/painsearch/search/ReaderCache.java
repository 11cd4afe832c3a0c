package org.painsearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.painsearch.index.Fields;

/**
 * What search looks up again and again and what only changes with the index, kept per index reader: link keys
 * resolved to documents, the id, title and links of documents that link to others, the merged field list and the
 * facet module's state. A reader never changes, so
 * nothing here goes stale; a reopened index is a new reader with an empty cache, and a closed reader's cache goes
 * with it.
 */
final class ReaderCache {
    // Entries beyond this are looked up without being kept: a bound on memory for a very large library.
    private static final int MAX_ENTRIES = 200_000;
    // Citing documents kept for all link keys together: 4 MB of document numbers at most.
    private static final long MAX_LINKER_DOCS = 1_000_000;
    private static final Set<String> LINKING_FIELDS = Set.of(Fields.ID, Fields.TITLE, Fields.LINKS);
    private static final Map<IndexReader.CacheKey, ReaderCache> BY_READER =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final Map<String, Optional<NoteLinks.Target>> targets = new ConcurrentHashMap<>();
    private final Map<Integer, Linking> linking = new ConcurrentHashMap<>();
    private final Map<String, int[]> linkers = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong linkerDocs = new java.util.concurrent.atomic.AtomicLong();

    private volatile org.apache.lucene.index.FieldInfos fieldInfos;

    /**
     * The index's fields merged over its segments: what the highlighter asks about the field it highlights, and
     * whether any segment has passage vectors.
     */
    org.apache.lucene.index.FieldInfos fieldInfos(IndexSearcher searcher) {
        var infos = fieldInfos;
        if (infos == null) {
            infos = org.apache.lucene.index.FieldInfos.getMergedFieldInfos(searcher.getIndexReader());
            fieldInfos = infos;
        }
        return infos;
    }

    // Empty when no document of this reader has a facet value.
    private volatile Optional<org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState> facetState;

    /**
     * The facet module's state for this reader (each segment's facet values mapped to the whole index's), built on
     * first use; empty when no document has a facet value.
     */
    Optional<org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState> facetState(IndexSearcher searcher)
            throws IOException {
        var state = facetState;
        if (state == null) {
            state = FacetCounter.readerState(searcher.getIndexReader());
            facetState = state;
        }
        return state;
    }

    /** A document that links to others: its id, title and the link keys it records. */
    record Linking(String id, String title, Set<String> links) {
    }

    /** The cache of {@code searcher}'s reader (a fresh, unshared one for a reader that cannot be cached). */
    static ReaderCache of(IndexSearcher searcher) {
        IndexReader.CacheHelper helper = searcher.getIndexReader().getReaderCacheHelper();
        if (helper == null) {
            return new ReaderCache();
        }
        return BY_READER.computeIfAbsent(helper.getKey(), k -> new ReaderCache());
    }

    /** The document the link key {@code key} points at, or null; as {@link NoteLinks#resolve}. */
    NoteLinks.Target target(IndexSearcher searcher, String key) throws IOException {
        Optional<NoteLinks.Target> known = targets.get(key);
        if (known == null) {
            known = Optional.ofNullable(NoteLinks.resolve(searcher, key));
            if (targets.size() < MAX_ENTRIES) {
                targets.put(key, known);
            }
        }
        return known.orElse(null);
    }

    /** The id, title and link keys of the document at {@code doc}. */
    Linking linking(IndexSearcher searcher, int doc) throws IOException {
        Linking known = linking.get(doc);
        if (known == null) {
            var stored = searcher.storedFields().document(doc, LINKING_FIELDS);
            known = new Linking(stored.get(Fields.ID), stored.get(Fields.TITLE),
                    Set.copyOf(List.of(stored.getValues(Fields.LINKS))));
            if (linking.size() < MAX_ENTRIES) {
                linking.put(doc, known);
            }
        }
        return known;
    }

    /**
     * For each of {@code keys}, the first {@code max} documents (in index order) that record it as a link: those
     * kept from earlier calls, the rest found together in one pass.
     */
    Map<String, int[]> linkers(IndexSearcher searcher, Collection<String> keys, int max) throws IOException {
        var out = new HashMap<String, int[]>();
        var missing = new LinkedHashMap<String, List<Integer>>();
        for (String key : keys) {
            int[] known = linkers.get(key);
            if (known != null) {
                out.put(key, known);
            } else {
                missing.put(key, new ArrayList<>());
            }
        }
        if (missing.isEmpty()) {
            return out;
        }
        var leaves = new ArrayList<>(NoteLinks.recording(searcher, missing.keySet()).matchingDocs());
        leaves.sort(Comparator.comparingInt(docs -> docs.context().docBase));
        // Keys still short of max citing documents: once none is, the rest of the matches need not be read.
        int open = missing.size();
        for (var docs : leaves) {
            if (docs.bits() == null || open == 0) {
                continue;
            }
            var it = docs.bits().iterator();
            for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS && open > 0; d = it.nextDoc()) {
                int doc = docs.context().docBase + d;
                for (String key : linking(searcher, doc).links()) {
                    var found = missing.get(key);
                    if (found != null && found.size() < max) {
                        found.add(doc);
                        if (found.size() == max) {
                            open--;
                        }
                    }
                }
            }
        }
        for (var e : missing.entrySet()) {
            int[] docs = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            out.put(e.getKey(), docs);
            // Bounded in entries and in documents held (a key that many notes cite holds up to max of them); only
            // what is kept counts against the bound.
            if (linkers.size() < MAX_ENTRIES && linkerDocs.get() + docs.length <= MAX_LINKER_DOCS) {
                linkerDocs.addAndGet(docs.length);
                linkers.put(e.getKey(), docs);
            }
        }
        return out;
    }

    /** As {@link #target}, for use inside lambdas. */
    NoteLinks.Target targetUnchecked(IndexSearcher searcher, String key) {
        try {
            return target(searcher, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
