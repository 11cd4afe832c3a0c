package org.painsearch.index;

import org.painsearch.corpus.FileStamp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.NumericDocValuesField;
import org.painsearch.corpus.Document;

/**
 * The one way into the index: every writer (notes, the corpus watcher, imports, crawls with or without a server,
 * rebuilds, eval, bench) goes through here, so every document gets its content version and file stamp, and its
 * passage vectors when the index ranks by meaning. A write is searchable by its words at once; vectors not in the
 * embedding cache are computed in the background and the document rewritten with them (see {@link Vectorizer}).
 * Single writes return a generation to wait on; bulk work commits at its end.
 */
public final class Indexer implements AutoCloseable {
    private final IndexService index;
    private final PassageVectors vectors;
    private final Reader source;
    // One rebuild at a time.
    private final ReentrantLock rebuilding = new ReentrantLock();
    // Writes of one document are ordered: a background rewrite with vectors never overtakes a newer write.
    private final Object[] documentLocks = new Object[64];
    // While a rebuild runs: the last write of each id, applied again right after the swap (null value: a delete).
    private volatile Map<String, List<org.apache.lucene.document.Document>> duringRebuild;
    private Vectorizer vectorizer;

    /** A document to index, the content version of its file (null when none) and the file's stamp (or null). */
    public record Entry(Document document, String version, FileStamp stamp) {
    }

    /** Reads one item of a rebuild into an entry; null leaves it out (the caller reports why). */
    @FunctionalInterface
    public interface Loader<T> {
        Entry load(T item) throws IOException;
    }

    /** Reads a corpus file again, for a document whose vectors are computed later. */
    @FunctionalInterface
    public interface Reader {
        Document read(java.nio.file.Path file) throws IOException;
    }

    /** Writes into {@code index}, with passage vectors from {@code vectors} (null for a words-only index). */
    public Indexer(IndexService index, PassageVectors vectors) {
        this(index, vectors, null);
    }

    /**
     * As {@link #Indexer(IndexService, PassageVectors)}; documents waiting for vectors are read again from their
     * file with {@code reader} (null: held in memory until done).
     */
    public Indexer(IndexService index, PassageVectors vectors, Reader reader) {
        this.index = index;
        this.vectors = vectors;
        this.source = reader;
        for (int i = 0; i < documentLocks.length; i++) {
            documentLocks[i] = new Object();
        }
    }

    /** The index written to. */
    public IndexService index() {
        return index;
    }

    /** True when documents get passage vectors. */
    public boolean hybrid() {
        return vectors != null;
    }

    /** As {@link #write(Document, String, FileStamp)} without a file stamp. */
    public long write(Document d, String version) throws IOException {
        return write(d, version, null);
    }

    /**
     * Adds or replaces {@code d}, read from a file whose content version is {@code version} (null when it has no
     * file) and whose stamp, taken before it was read, is {@code stamp}; returns the generation to pass to
     * {@link #awaitVisible} to wait until its words are searchable. Its vectors follow in the background unless
     * they are all in the embedding cache.
     */
    public long write(Document d, String version, FileStamp stamp) throws IOException {
        synchronized (lockOf(d.id())) {
            List<float[]> v = vectors == null ? List.of() : vectors.cached(d);
            if (v == null) {
                vectorizer().submit(Vectorizer.Job.of(d, version, stamp, source == null));
            } else if (vectors != null) {
                vectorizer().supersede(d.id());
            }
            var block = block(d, v == null ? List.of() : v, version, stamp, v == null);
            remember(d.id(), block);
            return index.upsert(d.id(), block);
        }
    }

    /** Removes the document {@code id}; returns the generation after which searches no longer find it. */
    public long delete(String id) throws IOException {
        synchronized (lockOf(id)) {
            if (vectors != null) {
                vectorizer().supersede(id);
            }
            remember(id, null);
            return index.delete(id);
        }
    }

    /**
     * Records {@code stamp} for document {@code id}, whose file was found in step with the index by its content
     * version, so that the next comparison need not read it. Only the two numbers change, in place.
     */
    public void restamp(String id, FileStamp stamp) throws IOException {
        synchronized (lockOf(id)) {
            index.restamp(id, stamp);
        }
    }

    // The background rewrite of a document with its vectors, unless it was written again since.
    private void rewrite(Vectorizer.Job job, Document d, List<float[]> v) throws IOException {
        synchronized (lockOf(job.id())) {
            if (!vectorizer.isLatest(job)) {
                return;
            }
            var block = block(d, v, job.version(), job.stamp(), false);
            remember(job.id(), block);
            index.upsert(job.id(), block);
            vectorizer.supersede(job.id());
        }
    }

    private Object lockOf(String id) {
        return documentLocks[Math.floorMod(id.hashCode(), documentLocks.length)];
    }

    private synchronized Vectorizer vectorizer() {
        if (vectorizer == null) {
            // The end of a batch of background work: committed and searchable.
            vectorizer = new Vectorizer(vectors, source, this::rewrite, this::settle);
        }
        return vectorizer;
    }

    // The background vectors are in: each document they gave vectors to was written twice, and the first copies,
    // deleted, still count in the words' statistics until merged away; reclaimed here, so that a document scores
    // the same whether its vectors came at once or later.
    private void settle() throws IOException {
        index.reclaimDeletes();
        flush();
    }

    /** The Lucene block of a document, with what the index records about its file and its vectors. */
    public static List<org.apache.lucene.document.Document> block(Document d, List<float[]> passageVectors, String version,
                                                           FileStamp stamp, boolean vectorsPending) {
        var block = DocumentMapper.toBlock(d, passageVectors, version);
        var parent = block.get(block.size() - 1);
        // Always both fields (NO_STAMP when untrusted), so that a stamp can be updated in place later.
        parent.add(new NumericDocValuesField(Fields.FILE_SIZE, stamp == null ? FileStamp.NO_STAMP : stamp.size()));
        parent.add(new NumericDocValuesField(Fields.FILE_MODIFIED, stamp == null ? FileStamp.NO_STAMP : stamp.modified()));
        if (vectorsPending) {
            parent.add(new KeywordField(Fields.VECTORS_PENDING, "true", Field.Store.NO));
        }
        return block;
    }

    private void remember(String id, List<org.apache.lucene.document.Document> block) {
        Map<String, List<org.apache.lucene.document.Document>> pending = duringRebuild;
        if (pending != null) {
            synchronized (pending) {
                pending.put(id, block);
            }
        }
    }

    /**
     * Returns once the write that returned {@code generation} is searchable: the reopen thread makes it so within a
     * second; on a machine so busy that it has not, this thread refreshes, so a note save is never acknowledged
     * before a search finds it.
     */
    public void awaitVisible(long generation) throws IOException {
        if (!index.awaitVisible(generation)) {
            index.refresh();
        }
    }

    /** The end of a batch: every write so far is committed and searchable. */
    public void flush() throws IOException {
        index.commit();
        index.refresh();
    }

    /**
     * Completes once every document written so far has its passage vectors, committed and searchable (or failed
     * to get them, which leaves it flagged for the next start); at once for a words-only index.
     */
    public CompletableFuture<Void> vectorsDone() {
        Vectorizer v;
        synchronized (this) {
            v = vectorizer;
        }
        return v == null ? CompletableFuture.completedFuture(null) : v.whenIdle();
    }

    /** Documents given their vectors and documents queued for them since the background work last finished. */
    public int[] vectorProgress() {
        Vectorizer v;
        synchronized (this) {
            v = vectorizer;
        }
        return v == null ? new int[] {0, 0} : v.progress();
    }

    /**
     * Queues the documents the index flags as still without vectors (a previous run stopped before it finished
     * them); returns how many. Documents written since this process started are already queued.
     */
    public int resumeVectors() throws IOException {
        if (vectors == null) {
            return 0;
        }
        var jobs = index.withSearcher(IndexedVersions::pendingVectors);
        vectorizer().submitAbsent(jobs);
        return jobs.size();
    }

    /** Observes a rebuild: the stage that starts, then documents done within it. */
    @FunctionalInterface
    public interface Progress {
        void step(int done);

        default void stage(String name, int total) {
        }
    }

    /**
     * Rebuilds the index from {@code docs} (see {@link #rebuild(List, Loader, Progress)}) and waits for their
     * vectors: evaluation and tests search by meaning right after.
     */
    public void rebuild(List<Document> docs, Map<String, String> versions, Progress progress) throws IOException {
        rebuild(docs, d -> new Entry(d, versions.get(d.id()), null), progress);
        vectorsDone().join();
    }

    /**
     * Builds a new index beside the live one from {@code items}, each read by {@code loader} and written as it is
     * read, on every core, and swaps it in; searches see the old index until then. Writes made meanwhile are
     * applied after the swap, never lost. Vectors come from the embedding cache at once; the documents whose
     * vectors are not cached are searchable by words and get their vectors in the background (see
     * {@link #vectorsDone}).
     */
    public <T> void rebuild(List<T> items, Loader<T> loader, Progress progress) throws IOException {
        var jobs = new ConcurrentLinkedQueue<Vectorizer.Job>();
        rebuilding.lock();
        duringRebuild = new LinkedHashMap<>();
        try {
            progress.stage(vectors == null ? "Writing the index" : "Indexing words", items.size());
            index.rebuild(builder -> ParallelFeed.run(items, item -> {
                Entry e = loader.load(item);
                if (e != null) {
                    builder.addDocuments(blockFor(e, jobs));
                }
            }, progress), this::replay);
        } finally {
            duringRebuild = null;
            rebuilding.unlock();
        }
        if (vectors != null) {
            vectorizer().submitAll(jobs); // after the swap: every job and marker is ordered against live writes
        }
    }

    private List<org.apache.lucene.document.Document> blockFor(Entry e, ConcurrentLinkedQueue<Vectorizer.Job> jobs) {
        Document d = e.document();
        List<float[]> v = vectors == null ? List.of() : vectors.cached(d);
        if (vectors != null) {
            jobs.add(v == null ? Vectorizer.Job.of(d, e.version(), e.stamp(), source == null)
                    : Vectorizer.Job.superseding(d.id()));
        }
        return block(d, v == null ? List.of() : v, e.version(), e.stamp(), v == null);
    }

    private void replay() throws IOException {
        var pending = duringRebuild;
        List<Map.Entry<String, List<org.apache.lucene.document.Document>>> writes;
        synchronized (pending) {
            writes = new ArrayList<>(pending.entrySet());
        }
        for (var e : writes) {
            if (e.getValue() == null) {
                index.delete(e.getKey()); // the swap holds the write lock, which admits its own writes
            } else {
                index.upsert(e.getKey(), e.getValue());
            }
        }
    }

    /** Stops the background vectors after the batch under way; documents left keep their flag for next time. */
    @Override
    public void close() {
        Vectorizer v;
        synchronized (this) {
            v = vectorizer;
        }
        if (v != null) {
            v.close();
        }
    }
}
