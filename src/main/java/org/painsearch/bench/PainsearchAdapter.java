package org.painsearch.bench;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.painsearch.app.Library;
import org.painsearch.corpus.CorpusException;
import org.painsearch.corpus.CorpusStore;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.painsearch.index.Analysis;
import org.painsearch.index.Fields;
import org.painsearch.index.IndexBusyException;
import org.painsearch.index.IndexService;
import org.painsearch.index.Synonyms;
import org.painsearch.engine.RankingMode;
import org.painsearch.engine.SearchRequest;
import org.painsearch.vectors.Embeddings;
import org.painsearch.vectors.Passages;

/**
 * Every in-process call the bench makes into painsearch (searching, vectorizing, the analyzer and index schema the
 * bare baselines share), in one place:
 * when the engine's API changes, this is the one class to rewire. Everything else drives painsearch through its
 * command line and HTTP API in child processes.
 */
public final class PainsearchAdapter {
    private PainsearchAdapter() {
    }

    /** painsearch's own index-time analysis, which the bare baselines use too. */
    public static Analyzer analyzer() {
        return Analysis.indexAnalyzer();
    }

    /**
     * Where painsearch's index keeps what the bare search reads, so both search the same index: the query that
     * keeps whole documents (not podcast segments or passages), and the id, title and body fields.
     */
    public record Schema(Query documentsOnly, String id, String title, String body) {
    }

    /** painsearch's index schema, as {@link Schema} describes it. */
    public static Schema schema() {
        return new Schema(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOC)), Fields.ID, Fields.TITLE, Fields.BODY);
    }

    /** A search engine over an index, answering one query as the web API does: ranking, snippets, facets, links. */
    public interface Searcher extends Closeable {
        /** Runs {@code query} for the first page of ten; returns how many hits the page has. */
        int search(String query) throws IOException;
    }

    /** painsearch's search over an index built by {@code reindex}, opened read-only as the CLI search opens it. */
    public static Searcher open(Path corpus, Path index) throws IOException {
        return open(org.painsearch.engine.EngineConfig.of(index, corpus, RankingMode.BM25).readingOnly());
    }

    /** The configuration of painsearch on the OpenSearch cluster at {@code url}, under {@code alias}, ranking by words. */
    public static org.painsearch.engine.EngineConfig onCluster(Path corpus, Path unusedIndex, String url, String alias) {
        return new org.painsearch.engine.EngineConfig(org.painsearch.engine.EngineConfig.Backend.OPENSEARCH, unusedIndex,
                corpus, RankingMode.BM25, null, null, null, true, new org.painsearch.engine.EngineConfig.Cluster(url, alias));
    }

    /** Removes the index a bench wrote on a cluster. */
    public static void drop(org.painsearch.engine.EngineConfig config) throws IOException {
        org.painsearch.engine.Engines.dropTemporary(config);
    }

    /** painsearch's search over the index {@code config} names, as {@link #open(Path, Path)}. */
    public static Searcher open(org.painsearch.engine.EngineConfig config) throws IOException {
        var engine = org.painsearch.engine.Engines.open(config);
        return new Searcher() {
            @Override
            public int search(String query) throws IOException {
                return engine.search(SearchRequest.of(query)).hits().size();
            }

            @Override
            public void close() throws IOException {
                engine.close();
            }
        };
    }

    /**
     * CPU time painsearch's search threads have used so far (nanoseconds): a question's passes over most of the index
     * share the cores, so a search's cost is its calling thread's time plus theirs.
     */
    public static long searchThreadsCpuNanos() {
        return org.painsearch.index.ParallelSearch.threadsCpuNanos();
    }

    /** The outcome of vectorizing a corpus: passages embedded, the wall time, and a hybrid search over the result. */
    public record Vectorized(int documents, long passages, long millis, Searcher hybrid) {
    }

    /**
     * Indexes {@code corpus} into {@code index} with hybrid ranking, embedding every passage (the cache starts
     * empty in a fresh index folder), and returns when every vector is searchable. The rebuild's engine is then
     * closed, as {@code reindex} closes it (its merges finish and are committed), and the hybrid searcher opens the
     * index again, as {@code serve} does after a reindex: latency is measured on the index she searches, not in the
     * engine that has just rebuilt it, whose merges may still be running.
     */
    public static Vectorized vectorize(Path corpus, Path index) throws IOException {
        long started = System.nanoTime();
        Library.RebuildReport report;
        long passages;
        try (var rebuilt = hybridLibrary(corpus, index)) {
            var library = rebuilt.library();
            report = library.rebuild(Library.Progress.NONE);
            if (!report.problems().isEmpty()) {
                throw new IOException("painsearch could not read " + report.problems().size()
                        + " generated file(s), e.g. " + report.problems().get(0).getMessage());
            }
            library.engine().vectorsDone().join(); // words first, then the vectors in the background
            library.engine().flush();
            passages = rebuilt.embeddings().counts()[0];
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        var library = hybridLibrary(corpus, index).library();
        Searcher hybrid = new Searcher() {
            @Override
            public int search(String query) throws IOException {
                return library.engine().search(SearchRequest.of(query)).hits().size();
            }

            @Override
            public void close() throws IOException {
                library.close();
            }
        };
        return new Vectorized(report.indexed(), passages, millis, hybrid);
    }

    /** The library over {@code index} with hybrid ranking and the engine's embeddings. */
    private record HybridLibrary(Library library, Embeddings embeddings) implements Closeable {
        @Override
        public void close() throws IOException {
            library.close();
        }
    }

    private static HybridLibrary hybridLibrary(Path corpus, Path index) throws IOException {
        IndexService service;
        try {
            service = IndexService.openWritable(index);
        } catch (IndexBusyException e) {
            throw new IOException(e.getMessage(), e);
        }
        var embeddings = Embeddings.open(index.resolve("embedding-cache"));
        // Every timed search embeds its query, as a new question does: the bench repeats its queries.
        embeddings.keepRecentQueries(0);
        var store = new CorpusStore(corpus);
        var bookmarks = Library.bookmarksOf(store, java.time.Clock.systemUTC());
        return new HybridLibrary(new Library(store, new org.painsearch.engine.lucene.LuceneEngine(service,
                new Synonyms(store.synonymsFile()), bookmarks::bookmarkedIds, embeddings, RankingMode.HYBRID),
                bookmarks, java.time.Clock.systemUTC()), embeddings);
    }

    /** The passages painsearch embeds for the corpus files {@code files}, in order, the bare model's input. */
    public static List<String> passages(Path corpus, List<Path> files) throws IOException {
        var store = new CorpusStore(corpus);
        var out = new ArrayList<String>();
        for (Path f : files) {
            try {
                out.addAll(Passages.of(store.read(f)));
            } catch (CorpusException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return out;
    }
}
