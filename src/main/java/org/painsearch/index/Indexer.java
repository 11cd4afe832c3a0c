package org.painsearch.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.index.IndexWriter;
import org.painsearch.corpus.Document;

/**
 * The one way into the index: every writer (notes, the corpus watcher, imports, crawls with or without a server,
 * rebuilds, eval, bench) goes through here, so every document gets its passage vectors when the index ranks by
 * meaning, its content version, and writes are batched: single writes return a generation to wait on, bulk work
 * commits at its end.
 */
public final class Indexer {
    // Documents embedded and written together during a rebuild: enough for the model to batch, few enough to
    // keep memory flat however large the corpus.
    private static final int BATCH = 64;

    private final IndexService index;
    private final PassageVectors vectors;
    // One rebuild at a time.
    private final ReentrantLock rebuilding = new ReentrantLock();
    // While a rebuild runs: the last write of each id, applied again right after the swap (null value: a delete).
    private volatile Map<String, Write> duringRebuild;

    private record Write(Document document, List<float[]> vectors, String version) {
    }

    /** Writes into {@code index}, with passage vectors from {@code vectors} (null for a words-only index). */
    public Indexer(IndexService index, PassageVectors vectors) {
        this.index = index;
        this.vectors = vectors;
    }

    /** The index written to. */
    public IndexService index() {
        return index;
    }

    /** True when documents get passage vectors. */
    public boolean hybrid() {
        return vectors != null;
    }

    /**
     * Adds or replaces {@code d}, read from a file whose content version is {@code version} (null when it has no
     * file); returns the generation to pass to {@link #awaitVisible} to wait until it is searchable.
     */
    public long write(Document d, String version) throws IOException {
        List<float[]> v = vectors == null ? List.of() : vectors.vectorsFor(List.of(d), n -> { }).getOrDefault(d.id(), List.of());
        remember(d.id(), new Write(d, v, version));
        return index.upsert(d, v, version);
    }

    /** Removes the document {@code id}; returns the generation after which searches no longer find it. */
    public long delete(String id) throws IOException {
        remember(id, null);
        return index.delete(id);
    }

    private void remember(String id, Write write) {
        Map<String, Write> pending = duringRebuild;
        if (pending != null) {
            synchronized (pending) {
                pending.put(id, write);
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

    /** Observes a rebuild: the stage that starts, then documents done within it. */
    @FunctionalInterface
    public interface Progress {
        void step(int done);

        default void stage(String name, int total) {
        }
    }

    /** Hands documents to a rebuild one by one, as they are read. */
    @FunctionalInterface
    public interface Feed {
        void into(Sink sink) throws IOException;
    }

    /** Takes one document and the content version of its file (null when it has none). */
    @FunctionalInterface
    public interface Sink {
        void add(Document d, String version) throws IOException;
    }

    /** Rebuilds the index from {@code docs} (see {@link #rebuild(int, Feed, Progress)}). */
    public void rebuild(List<Document> docs, Map<String, String> versions, Progress progress) throws IOException {
        rebuild(docs.size(), sink -> {
            for (Document d : docs) {
                sink.add(d, versions.get(d.id()));
            }
        }, progress);
    }

    /**
     * Builds a new index beside the live one from the {@code total} documents {@code feed} gives, streamed in
     * batches, and swaps it in; searches see the old index until then. Writes made meanwhile are applied after the
     * swap, never lost.
     */
    public void rebuild(int total, Feed feed, Progress progress) throws IOException {
        rebuilding.lock();
        duringRebuild = new LinkedHashMap<>();
        try {
            progress.stage(vectors == null ? "Writing the index" : "Computing meaning vectors", total);
            index.rebuild(builder -> {
                var batch = new Batch(builder, progress);
                feed.into(batch::add);
                batch.write();
            }, this::replay);
        } finally {
            duringRebuild = null;
            rebuilding.unlock();
        }
    }

    private void replay() throws IOException {
        Map<String, Write> pending = duringRebuild;
        List<Map.Entry<String, Write>> writes;
        synchronized (pending) {
            writes = new ArrayList<>(pending.entrySet());
        }
        for (var e : writes) {
            if (e.getValue() == null) {
                index.delete(e.getKey()); // the swap holds the write lock, which admits its own writes
            } else {
                index.upsert(e.getValue().document(), e.getValue().vectors(), e.getValue().version());
            }
        }
    }

    /** Documents gathered for one model call, then written to the index being built. */
    private final class Batch {
        private final IndexWriter builder;
        private final Progress progress;
        private final List<Document> docs = new ArrayList<>();
        private final List<String> versions = new ArrayList<>();
        private int done;

        Batch(IndexWriter builder, Progress progress) {
            this.builder = builder;
            this.progress = progress;
        }

        void add(Document d, String version) throws IOException {
            docs.add(d);
            versions.add(version);
            if (docs.size() >= BATCH) {
                write();
            }
        }

        void write() throws IOException {
            Map<String, List<float[]>> v = vectors == null || docs.isEmpty() ? Map.of() : vectors.vectorsFor(docs, n -> { });
            for (int i = 0; i < docs.size(); i++) {
                Document d = docs.get(i);
                builder.addDocuments(DocumentMapper.toBlock(d, v.getOrDefault(d.id(), List.of()), versions.get(i)));
                progress.step(++done);
            }
            docs.clear();
            versions.clear();
        }
    }
}
