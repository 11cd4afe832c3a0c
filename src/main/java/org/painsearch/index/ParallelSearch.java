package org.painsearch.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TaskExecutor;

/**
 * Spreads a search's passes over most of the index over every core. A question matches any of its words, so often
 * half the index, and its exact total and facets need every hit gathered (as do a search ranked by meaning and the
 * counting of many hits' facets); a {@link #wide} searcher deals the index's
 * segments into one slice per core, of about equal entries, and searches the slices at once: the calling thread
 * takes one and a small pool of search threads the others (the caller also takes any a busy pool has not started, so
 * a loaded server degrades to one thread per search and never waits on the pool). Everything else stays on the
 * calling thread: measured at 100,000 documents, handing a search of a few thousand hits, or a look-up, to a second
 * thread cost as much as it saved. An index too small for the threads to pay off is searched on the calling thread
 * throughout.
 */
public final class ParallelSearch {
    /** Below this many index entries (documents, segments and passages) a search stays on its calling thread. */
    static final int DEFAULT_MIN_ENTRIES = 20_000;
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final List<Long> THREAD_IDS = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final ExecutorService POOL = pool();
    private static final TaskExecutor TASKS = new TaskExecutor(POOL);

    private ParallelSearch() {
    }

    /**
     * A searcher over {@code searcher}'s reader, with its similarity and time limit, that searches the index's slices
     * in parallel; {@code searcher} itself when the index is too small for that ({@link #isWide}). Its
     * {@link IndexSearcher#timedOut()} tells whether a search on it ran out of time.
     */
    public static IndexSearcher wide(IndexSearcher searcher) {
        IndexReader reader = searcher.getIndexReader();
        if (!isWide(reader)) {
            return searcher;
        }
        var wide = new IndexSearcher(reader, POOL) {
            @Override
            protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
                return ParallelSearch.slices(leaves, CORES);
            }
        };
        wide.setSimilarity(searcher.getSimilarity());
        wide.setQueryCache(searcher.getQueryCache());
        wide.setTimeout(searcher.getTimeout());
        return wide;
    }

    /** True when searches of {@code reader} are worth spreading over several threads. */
    public static boolean isWide(IndexReader reader) {
        return CORES > 1 && reader.leaves().size() > 1 && reader.maxDoc() >= minEntries();
    }

    /** Runs tasks on the calling thread and the search threads, as a wide searcher runs its slices. */
    public static TaskExecutor tasks() {
        return TASKS;
    }

    /**
     * The segments {@code leaves} dealt into at most {@code parts} slices of about equal size: largest segment first,
     * each to the slice with the fewest entries so far. Every segment is in exactly one slice, whole.
     */
    static IndexSearcher.LeafSlice[] slices(List<LeafReaderContext> leaves, int parts) {
        int n = Math.max(1, Math.min(parts, leaves.size()));
        var groups = new ArrayList<List<IndexSearcher.LeafReaderContextPartition>>();
        long[] sizes = new long[n];
        for (int i = 0; i < n; i++) {
            groups.add(new ArrayList<>());
        }
        var bySize = new ArrayList<>(leaves);
        bySize.sort(Comparator.comparingInt((LeafReaderContext l) -> l.reader().maxDoc()).reversed()
                .thenComparingInt(l -> l.ord));
        for (LeafReaderContext leaf : bySize) {
            int smallest = 0;
            for (int i = 1; i < n; i++) {
                if (sizes[i] < sizes[smallest]) {
                    smallest = i;
                }
            }
            groups.get(smallest).add(IndexSearcher.LeafReaderContextPartition.createForEntireSegment(leaf));
            sizes[smallest] += leaf.reader().maxDoc();
        }
        return groups.stream().filter(g -> !g.isEmpty()).map(IndexSearcher.LeafSlice::new)
                .toArray(IndexSearcher.LeafSlice[]::new);
    }

    // A system property, so an operator (or a test) can change it without a rebuild.
    static int minEntries() {
        return Integer.getInteger("painsearch.search.parallelMinEntries", DEFAULT_MIN_ENTRIES);
    }

    /** CPU time the search threads have used so far, in nanoseconds (what searches cost beyond their callers'). */
    public static long threadsCpuNanos() {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : THREAD_IDS) {
            sum += Math.max(0, mx.getThreadCpuTime(id)); // -1 for a thread that has ended
        }
        return sum;
    }

    // Daemon threads: a search in flight at exit is abandoned with its process, as the calling thread's part is.
    private static ExecutorService pool() {
        var count = new AtomicInteger();
        return Executors.newFixedThreadPool(Math.max(1, CORES - 1), r -> {
            var t = new Thread(r, "painsearch-search-" + count.incrementAndGet());
            t.setDaemon(true);
            THREAD_IDS.add(t.threadId());
            return t;
        });
    }
}
