package org.painsearch.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.IOUtils;
import org.painsearch.corpus.Document;

/**
 * Owns one index: its directory, its single {@link IndexWriter} (when writable) and the {@link SearcherManager}
 * that hands out searchers. Every change is committed before it becomes visible, so a crash or kill at any
 * moment leaves the last committed index, which is what readers and a restarted server open.
 */
public final class IndexService implements Closeable {
    // Every searcher ranks with painsearch's BM25 parameters (see Ranking).
    private static final org.apache.lucene.search.SearcherFactory SEARCHERS = new org.apache.lucene.search.SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader,
                                         org.apache.lucene.index.IndexReader previous) {
            var searcher = new IndexSearcher(reader);
            searcher.setSimilarity(Ranking.SIMILARITY);
            return searcher;
        }
    };
    private final Path path;
    private final Directory directory;
    // Replaced after a failed rebuild, whose rollback closes the writer it undoes.
    private volatile IndexWriter writer;
    private final SearcherManager searchers;
    // Writes are whole operations (a rebuild is many adds then one commit); one at a time keeps them whole.
    private final ReentrantLock writeLock = new ReentrantLock();

    private IndexService(Path path, Directory directory, IndexWriter writer, SearcherManager searchers) {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
    }

    /** Opens (creating if needed) the index for reading and writing; fails when another process holds it. */
    public static IndexService openWritable(Path indexDir) throws IOException, IndexBusyException {
        Directory dir = OwnerOnlyDirectory.open(indexDir); // the index holds note text: owner-only, as the notes
        try {
            IndexWriter writer = new IndexWriter(dir, writerConfig());
            if (!DirectoryReader.indexExists(dir)) {
                writer.commit();
            }
            // Searchers see commits only, never a rebuild in progress; every write commits before it refreshes.
            return new IndexService(indexDir, dir, writer, new SearcherManager(dir, SEARCHERS));
        } catch (LockObtainFailedException e) {
            dir.close();
            throw new IndexBusyException(indexDir);
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(dir);
            throw e;
        }
    }

    private static IndexWriterConfig writerConfig() {
        return new IndexWriterConfig(Analysis.writerAnalyzer()).setSimilarity(Ranking.SIMILARITY)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCommitOnClose(false);
    }

    /** Opens an existing index read-only; this works while another process writes to it. */
    public static IndexService openReadOnly(Path indexDir) throws IOException {
        Directory dir = FSDirectory.open(indexDir);
        if (!DirectoryReader.indexExists(dir)) {
            dir.close();
            throw new IOException("there is no index at " + indexDir + " (run: ./painsearch reindex)");
        }
        return new IndexService(indexDir, dir, null, new SearcherManager(dir, SEARCHERS));
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

    /** The index folder. */
    public Path path() {
        return path;
    }

    /** Adds or replaces one document (with its segments) and commits. */
    public void upsert(Document d) throws IOException {
        upsert(d, List.of());
    }

    /** Adds or replaces one document with its passage vectors (none for words-only search) and commits. */
    public void upsert(Document d, List<float[]> passageVectors) throws IOException {
        requireWritable();
        writeLock.lock();
        try {
            writer.updateDocuments(new Term(Fields.ROOT, d.id()), DocumentMapper.toBlock(d, passageVectors));
            commitAndRefresh();
        } finally {
            writeLock.unlock();
        }
    }

    /** Removes a document (with its segments) and commits; removing one that is not there does nothing. */
    public void delete(String id) throws IOException {
        requireWritable();
        writeLock.lock();
        try {
            writer.deleteDocuments(new Term(Fields.ROOT, id));
            commitAndRefresh();
        } finally {
            writeLock.unlock();
        }
    }

    /** Replaces the whole index with {@code docs}; nothing is visible until the final commit. */
    public void rebuild(List<Document> docs, IntConsumer progress) throws IOException {
        rebuild(docs, Map.of(), progress);
    }

    /** As {@link #rebuild(List, IntConsumer)}, with passage vectors by document id (absent ids get none). */
    public void rebuild(List<Document> docs, Map<String, List<float[]>> vectors, IntConsumer progress) throws IOException {
        requireWritable();
        writeLock.lock();
        try {
            writer.deleteAll();
            int done = 0;
            for (Document d : docs) {
                writer.addDocuments(DocumentMapper.toBlock(d, vectors.getOrDefault(d.id(), List.of())));
                progress.accept(++done);
            }
            commitAndRefresh();
        } catch (IOException | RuntimeException e) {
            // Drop the half-built state so the last commit stays what searchers and the next writer see.
            writer.rollback();
            writer = new IndexWriter(directory, writerConfig());
            throw e;
        } finally {
            writeLock.unlock();
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

    /** Picks up commits made by another process (read-only mode) or this one. */
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    private void commitAndRefresh() throws IOException {
        writer.setLiveCommitData(Map.of(Fields.SCHEMA_KEY, Fields.SCHEMA_VERSION).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private void requireWritable() {
        if (writer == null) {
            throw new IllegalStateException("index opened read-only");
        }
    }

    @Override
    public void close() throws IOException {
        IOUtils.close(searchers, writer == null ? null : (Closeable) writer::rollback, directory);
    }
}
