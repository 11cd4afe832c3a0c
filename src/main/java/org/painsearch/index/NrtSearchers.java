package org.painsearch.index;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;

/**
 * Near-real-time searchers from the {@link IndexWriter}, as {@link SearcherManager} makes them, with one addition:
 * refreshes can be held back while the index is swapped for a rebuilt one, so no searcher ever sees it half done.
 * ({@code SearcherManager} is final, so the few lines of its writer mode are repeated here.)
 */
final class NrtSearchers extends ReferenceManager<IndexSearcher> {
    private final IndexWriter writer;
    private final SearcherFactory factory;
    // Held by a refresh while it opens a reader, and by a swap for its whole length.
    private final ReentrantLock gate = new ReentrantLock();

    NrtSearchers(IndexWriter writer, SearcherFactory factory) throws IOException {
        this.writer = writer;
        this.factory = factory;
        current = SearcherManager.getSearcher(factory, DirectoryReader.open(writer), null);
    }

    /** Work during which no new searcher is opened. */
    @FunctionalInterface
    interface Held {
        void run() throws IOException;
    }

    /** Runs {@code work} with refreshes held back; searchers keep seeing what they saw before. */
    void withRefreshesHeld(Held work) throws IOException {
        gate.lock();
        try {
            work.run();
        } finally {
            gate.unlock();
        }
    }

    @Override
    protected void decRef(IndexSearcher reference) throws IOException {
        reference.getIndexReader().decRef();
    }

    @Override
    protected IndexSearcher refreshIfNeeded(IndexSearcher referenceToRefresh) throws IOException {
        gate.lock();
        try {
            var old = (DirectoryReader) referenceToRefresh.getIndexReader();
            DirectoryReader fresh = DirectoryReader.openIfChanged(old, writer);
            return fresh == null ? null : SearcherManager.getSearcher(factory, fresh, old);
        } finally {
            gate.unlock();
        }
    }

    @Override
    protected boolean tryIncRef(IndexSearcher reference) {
        return reference.getIndexReader().tryIncRef();
    }

    @Override
    protected int getRefCount(IndexSearcher reference) {
        return reference.getIndexReader().getRefCount();
    }
}
