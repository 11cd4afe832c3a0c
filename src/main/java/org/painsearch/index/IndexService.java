package org.painsearch.index;

import org.painsearch.engine.IndexedFile;
import org.painsearch.corpus.FileStamp;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.IOUtils;
import org.painsearch.corpus.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns one index: its directory, its single {@link IndexWriter} (when writable), near-real-time searchers from
 * that writer and the thread that reopens them. Writes return a generation that {@link #awaitVisible} waits for;
 * commits happen on a timer, at the end of a batch and on close. The corpus files stay the source of truth: what a
 * crash loses from the index is put back by reconciliation when the index is next opened.
 */
public final class IndexService implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexService.class);
    // Every searcher ranks with painsearch's BM25 parameters (see Ranking).
    private static final org.apache.lucene.search.SearcherFactory SEARCHERS = Ranking.SEARCHERS;
    // Uncommitted writes are committed at most this long after they were made.
    private static final long COMMIT_SECONDS = 3;
    // A write nobody waits for is searchable within this time; one somebody waits for, within the second.
    private static final double MAX_STALE_SECONDS = 1.0;
    private static final double MIN_STALE_SECONDS = 0.01;
    // How long a waiting writer (a note save) waits for its write to be searchable.
    private static final int VISIBLE_WAIT_MILLIS = 1000;
    /** The folder inside the index folder where a rebuild is built before it is swapped in. */
    static final String REBUILD_FOLDER = "rebuild";

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final ReferenceManager<IndexSearcher> searchers;
    private final ControlledRealTimeReopenThread<IndexSearcher> reopener;
    private final ScheduledExecutorService committer;
    // Single writes share the writer freely; a swap and a commit exclude them so neither sees half of the other.
    private final ReentrantReadWriteLock writes = new ReentrantReadWriteLock();

    private IndexService(Path path, Directory directory, IndexWriter writer, ReferenceManager<IndexSearcher> searchers) {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
        if (writer == null) {
            this.reopener = null;
            this.committer = null;
            return;
        }
        this.reopener = new ControlledRealTimeReopenThread<>(writer, searchers, MAX_STALE_SECONDS, MIN_STALE_SECONDS);
        reopener.setName("painsearch-index-reopen");
        reopener.setDaemon(true);
        reopener.start();
        this.committer = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "painsearch-index-commit");
            t.setDaemon(true);
            return t;
        });
        committer.scheduleWithFixedDelay(this::commitQuietly, COMMIT_SECONDS, COMMIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Opens (creating if needed) the index for reading and writing; fails when another process holds it. */
    public static IndexService openWritable(Path indexDir) throws IOException, IndexBusyException {
        Directory dir = OwnerOnlyDirectory.open(indexDir); // the index holds note text: owner-only, as the notes
        IndexWriter writer = null;
        try {
            writer = new IndexWriter(dir, writerConfig());
            if (!DirectoryReader.indexExists(dir)) {
                writer.commit();
            }
            return new IndexService(indexDir, dir, writer, new NrtSearchers(writer, SEARCHERS));
        } catch (LockObtainFailedException e) {
            dir.close();
            throw new IndexBusyException(indexDir);
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(writer == null ? null : (Closeable) writer::rollback, dir);
            throw e;
        }
    }

    private static IndexWriterConfig writerConfig() {
        return new IndexWriterConfig(Analysis.writerAnalyzer()).setSimilarity(Ranking.SIMILARITY)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCommitOnClose(false);
    }

    // A rebuild writes every document in one go: three times Lucene's default buffer means fewer, larger segments
    // to flush and merge (reindex at 100,000 documents about a fifth faster, some 40 MB more at its peak). The live
    // writer keeps the default: its writes are small and made searchable within a second.
    private static final double REBUILD_BUFFER_MB = 3 * IndexWriterConfig.DEFAULT_RAM_BUFFER_SIZE_MB;

    /** The configuration of the writer that builds a new index beside the live one: closing it commits, merged. */
    public static IndexWriterConfig rebuildConfig() {
        return writerConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE).setCommitOnClose(true)
                .setRAMBufferSizeMB(REBUILD_BUFFER_MB);
    }

    /** Opens an existing index read-only; this works while another process writes to it. */
    public static IndexService openReadOnly(Path indexDir) throws IOException {
        Directory dir = FSDirectory.open(indexDir);
        try {
            if (!DirectoryReader.indexExists(dir)) {
                throw new IOException("there is no index at " + indexDir + " (run: ./painsearch reindex)");
            }
            return new IndexService(indexDir, dir, null, new SearcherManager(dir, SEARCHERS));
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(dir);
            throw e;
        }
    }

    /** True when a committed index exists at {@code indexDir} with the current schema. */
    public static boolean isCurrent(Path indexDir) throws IOException {
        try (Directory dir = FSDirectory.open(indexDir)) {
            if (!DirectoryReader.indexExists(dir)) {
                return false;
            }
            try (var reader = DirectoryReader.open(dir)) {
                var data = reader.getIndexCommit().getUserData();
                return Fields.SCHEMA_VERSION.equals(data.get(Fields.SCHEMA_KEY)) && reader.numDocs() > 0;
            }
        }
    }

    /** True when some document has passage vectors, so ranking by meaning has something to search. */
    public boolean hasVectors() throws IOException {
        return withSearcher(s -> s.getIndexReader().leaves().stream()
                .anyMatch(l -> l.reader().getFieldInfos().fieldInfo(Fields.VECTOR) != null));
    }

    /** What the index recorded about each searchable document's file (content version and stamp), by id. */
    public Map<String, IndexedFile> indexedFiles() throws IOException {
        return withSearcher(IndexedVersions::files);
    }

    /** The content version of every searchable document, by id ("" for a document indexed without one). */
    public Map<String, String> contentVersions() throws IOException {
        return withSearcher(IndexedVersions::of);
    }

    /** The index folder. */
    public Path path() {
        return path;
    }

    /** Adds or replaces the block of document {@code id}; returns the generation that makes it searchable. */
    long upsert(String id, List<org.apache.lucene.document.Document> block) throws IOException {
        requireWritable();
        writes.readLock().lock();
        try {
            return writer.updateDocuments(new Term(Fields.ROOT, id), block);
        } finally {
            writes.readLock().unlock();
        }
    }

    /** Replaces the file stamp recorded for document {@code id}, in place (see FileStamp). */
    void restamp(String id, FileStamp stamp) throws IOException {
        requireWritable();
        writes.readLock().lock();
        try {
            writer.updateDocValues(new Term(Fields.ID, id),
                    new org.apache.lucene.document.NumericDocValuesField(Fields.FILE_SIZE, stamp.size()),
                    new org.apache.lucene.document.NumericDocValuesField(Fields.FILE_MODIFIED, stamp.modified()));
        } finally {
            writes.readLock().unlock();
        }
    }

    /** Removes a document (with its children); removing one that is not there does nothing. */
    long delete(String id) throws IOException {
        requireWritable();
        writes.readLock().lock();
        try {
            return writer.deleteDocuments(new Term(Fields.ROOT, id));
        } finally {
            writes.readLock().unlock();
        }
    }

    /** Fills a new index, out of sight of searchers. */
    @FunctionalInterface
    interface Build {
        void into(IndexWriter builder) throws IOException;
    }

    /** Writes that arrived while a rebuild was built, applied to the live writer right after the swap. */
    @FunctionalInterface
    interface Replay {
        void run() throws IOException;
    }

    /**
     * Builds a whole new index beside the live one with {@code build}, then swaps it in and applies {@code replay}
     * in one step that searchers never see half of, and commits. A failed build leaves the live index as it was.
     */
    void rebuild(Build build, Replay replay) throws IOException {
        requireWritable();
        Path side = path.resolve(REBUILD_FOLDER);
        deleteTree(side);
        try {
            try (Directory dir = OwnerOnlyDirectory.open(side);
                 // Closing commits after the merges under way: a new index goes in settled, not as a pile of
                 // small segments that the next start would merge again (and, stopped soon, again and again).
                 var builder = new IndexWriter(dir, rebuildConfig())) {
                try {
                    build.into(builder);
                } catch (IOException | RuntimeException | Error e) {
                    builder.rollback(); // nothing of a failed build is committed or merged
                    throw e;
                }
            }
            try (Directory built = FSDirectory.open(side)) {
                writes.writeLock().lock();
                try {
                    ((NrtSearchers) searchers).withRefreshesHeld(() -> {
                        try {
                            writer.deleteAll();
                            writer.addIndexes(built);
                            replay.run();
                            commitLocked();
                        } catch (IOException | RuntimeException e) {
                            // Never let a half swap be seen or committed: drop it with the writer. Searches go on
                            // over the old index; writes fail until a restart, which opens the last commit.
                            writer.rollback();
                            throw e;
                        }
                    });
                } finally {
                    writes.writeLock().unlock();
                }
            }
            searchers.maybeRefreshBlocking();
        } finally {
            deleteTree(side);
        }
    }

    /** Makes every write so far durable (the end of a batch). */
    public void commit() throws IOException {
        if (writer == null) {
            return;
        }
        writes.readLock().lock(); // writes may go on meanwhile; a swap may not
        try {
            commitLocked();
        } finally {
            writes.readLock().unlock();
        }
    }

    /**
     * Merges away the deleted documents of every segment where they are more than a tenth (they still count in the
     * words' statistics until merged), as after background work rewrote many documents; a no-op where none is.
     */
    void reclaimDeletes() throws IOException {
        if (writer == null) {
            return;
        }
        writes.readLock().lock(); // writes may go on meanwhile; a swap may not
        try {
            writer.forceMergeDeletes(true);
        } finally {
            writes.readLock().unlock();
        }
    }

    private void commitLocked() throws IOException {
        writer.setLiveCommitData(Map.of(Fields.SCHEMA_KEY, Fields.SCHEMA_VERSION).entrySet());
        writer.commit();
    }

    private void commitQuietly() {
        try {
            if (writer.hasUncommittedChanges()) {
                commit();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not commit the index (the corpus files keep every change): {}", e.getMessage());
        }
    }

    /**
     * Waits until the write that returned {@code generation} is searchable, for at most a second (the reopen thread
     * refreshes within milliseconds when idle); false when it is not yet (it will be shortly).
     */
    public boolean awaitVisible(long generation) {
        if (reopener == null) {
            return true;
        }
        try {
            return reopener.waitForGeneration(generation, VISIBLE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs {@code work} with a current searcher, released afterwards. */
    public <T> T withSearcher(SearcherWork<T> work) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return work.apply(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    /** Work done with a searcher. */
    @FunctionalInterface
    public interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** Makes every write so far searchable now (read-only: picks up another process's commits). */
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    private void requireWritable() {
        if (writer == null) {
            throw new IllegalStateException("index opened read-only");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            IOUtils.rm(root);
        }
    }

    @Override
    public void close() throws IOException {
        if (writer == null) {
            IOUtils.close(searchers, directory);
            return;
        }
        // Never interrupt a commit: Lucene takes an interrupted write as a broken index and closes the writer.
        committer.shutdown();
        try {
            committer.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reopener.close();
        try {
            if (writer.isOpen() && writer.hasUncommittedChanges()) {
                commit();
            }
        } finally {
            // After a failed swap the writer is already rolled back and closed.
            IOUtils.close(searchers, writer.isOpen() ? writer::rollback : null, directory);
        }
    }
}
