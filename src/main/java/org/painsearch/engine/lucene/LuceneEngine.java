package org.painsearch.engine.lucene;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.lucene.search.IndexSearcher;
import org.painsearch.corpus.Document;
import org.painsearch.corpus.FileStamp;
import org.painsearch.engine.Closeness;
import org.painsearch.engine.DocumentView;
import org.painsearch.engine.Engine;
import org.painsearch.engine.IndexedFile;
import org.painsearch.engine.Links;
import org.painsearch.engine.Ranked;
import org.painsearch.engine.RankingMode;
import org.painsearch.engine.RelatedDoc;
import org.painsearch.engine.SearchRequest;
import org.painsearch.engine.SearchResponse;
import org.painsearch.engine.Suggestion;
import org.painsearch.index.IndexService;
import org.painsearch.index.Indexer;
import org.painsearch.index.Synonyms;
import org.painsearch.search.DocumentLookup;
import org.painsearch.search.LinkTools;
import org.painsearch.search.QueryMarks;
import org.painsearch.search.Related;
import org.painsearch.search.SearchLimits;
import org.painsearch.search.SearchService;
import org.painsearch.search.Suggestions;
import org.painsearch.vectors.Embeddings;

/** The embedded engine: one Lucene index on this machine, its one write path, and the searches over it. */
public final class LuceneEngine implements Engine {
    private final IndexService index;
    // The one write path into the index: vectors, content versions and batching.
    private final Indexer indexer;
    private final Synonyms synonyms;
    private final SearchService search;
    private final DocumentLookup documents;
    private final LinkTools links;
    private final Suggestions suggestions;
    private final Related related;
    private final QueryMarks marks;
    // Null for words only; owned here, closed with the engine.
    private final Embeddings embeddings;

    /**
     * An engine over an open {@code index}, taking ownership of it and of {@code embeddings} (null for words only);
     * {@code bookmarkedIds} answers {@code is:bookmarked}.
     */
    public LuceneEngine(IndexService index, Synonyms synonyms, Supplier<Set<String>> bookmarkedIds,
                        Embeddings embeddings, RankingMode defaultMode) {
        this(index, synonyms, bookmarkedIds, embeddings, defaultMode, null);
    }

    /**
     * As above; documents waiting for their vectors are read again from their file with {@code reader} (null: kept
     * in memory until done).
     */
    public LuceneEngine(IndexService index, Synonyms synonyms, Supplier<Set<String>> bookmarkedIds,
                        Embeddings embeddings, RankingMode defaultMode, Indexer.Reader reader) {
        this.index = index;
        this.synonyms = synonyms;
        this.embeddings = embeddings;
        this.indexer = new Indexer(index, embeddings, reader);
        this.search = new SearchService(index, synonyms, bookmarkedIds,
                embeddings == null ? null : embeddings.meaning(), defaultMode);
        this.documents = new DocumentLookup(index);
        this.links = new LinkTools(index);
        this.suggestions = new Suggestions(index);
        this.related = new Related(index);
        this.marks = new QueryMarks(index, synonyms);
    }

    @Override
    public SearchResponse search(SearchRequest request) throws IOException {
        SearchLimits.checkExpansions(request.query());
        try {
            return search.search(request);
        } catch (IndexSearcher.TooManyClauses e) {
            throw tooBroad(e);
        }
    }

    @Override
    public List<Ranked> rank(SearchRequest request) throws IOException {
        try {
            return search.rank(request);
        } catch (IndexSearcher.TooManyClauses e) {
            throw tooBroad(e);
        }
    }

    private static IllegalArgumentException tooBroad(IndexSearcher.TooManyClauses e) {
        return new IllegalArgumentException("the query expands to too many terms for one search; use fewer words, "
                + "wildcards or synonyms", e);
    }

    @Override
    public Optional<DocumentView> document(String id) throws IOException {
        return documents.find(id);
    }

    @Override
    public List<String> marks(String id, String query) throws IOException {
        try {
            return marks.of(id, query);
        } catch (IndexSearcher.TooManyClauses e) {
            throw tooBroad(e);
        }
    }

    @Override
    public List<Suggestion> suggest(String typed, int n) throws IOException {
        return suggestions.suggest(typed, n);
    }

    @Override
    public List<RelatedDoc> related(String id, int n) throws IOException {
        return related.of(id, n);
    }

    @Override
    public Map<String, Links.Ref> resolveLinks(String markdown) throws IOException {
        return links.resolve(markdown);
    }

    @Override
    public List<Links.Ref> suggestLinks(String typed, int limit) throws IOException {
        return links.suggest(typed, limit);
    }

    @Override
    public List<Links.Mention> unlinkedMentions(String noteId, int limit) throws IOException {
        return links.unlinkedMentions(noteId, limit);
    }

    @Override
    public Map<String, Links.Ref> refs(Collection<String> ids) throws IOException {
        return links.refs(ids);
    }

    @Override
    public Links.Graph graph(String tag) throws IOException {
        return links.graph(tag);
    }

    @Override
    public Closeness closeness(String query, List<String> ids, int k) throws IOException {
        return search.closeness(query, ids, k);
    }

    @Override
    public long write(Document document, String version, FileStamp stamp) throws IOException {
        return indexer.write(document, version, stamp);
    }

    @Override
    public void restamp(String id, FileStamp stamp) throws IOException {
        indexer.restamp(id, stamp);
    }

    @Override
    public long delete(String id) throws IOException {
        return indexer.delete(id);
    }

    @Override
    public void flush() throws IOException {
        indexer.flush();
    }

    @Override
    public void awaitVisible(long generation) throws IOException {
        indexer.awaitVisible(generation);
    }

    @Override
    public <T> void rebuild(List<T> items, Loader<T> loader, Progress progress) throws IOException {
        indexer.rebuild(items, item -> {
            Entry entry = loader.load(item);
            return entry == null ? null : new Indexer.Entry(entry.document(), entry.version(), entry.stamp());
        }, new Indexer.Progress() {
            @Override
            public void step(int done) {
                progress.step(done);
            }

            @Override
            public void stage(String name, int stageTotal) {
                progress.stage(name, stageTotal);
            }
        });
    }

    @Override
    public CompletableFuture<Void> vectorsDone() {
        return indexer.vectorsDone();
    }

    @Override
    public Backlog vectorBacklog() {
        int[] p = indexer.vectorProgress();
        return new Backlog(p[0], p[1]);
    }

    @Override
    public int resumeVectors() throws IOException {
        return indexer.resumeVectors();
    }

    @Override
    public Map<String, IndexedFile> indexedFiles() throws IOException {
        return index.indexedFiles();
    }

    @Override
    public Map<String, String> contentVersions() throws IOException {
        return index.contentVersions();
    }

    @Override
    public int documentCount() throws IOException {
        // Documents only: a podcast's segments and an article's passages are parts of one document.
        return index.withSearcher(s -> s.count(new org.apache.lucene.search.TermQuery(
                new org.apache.lucene.index.Term(org.painsearch.index.Fields.KIND, org.painsearch.index.Fields.KIND_DOC))));
    }

    @Override
    public boolean hasVectors() throws IOException {
        return index.hasVectors();
    }

    @Override
    public boolean vectorsPending() throws IOException {
        return index.withSearcher(s -> s.count(new org.apache.lucene.search.TermQuery(
                new org.apache.lucene.index.Term(org.painsearch.index.Fields.VECTORS_PENDING, "true"))) > 0);
    }

    @Override
    public RankingMode defaultMode() {
        return search.defaultMode();
    }

    @Override
    public CompletableFuture<Void> warmUp(Duration pause) {
        return embeddings == null ? CompletableFuture.completedFuture(null) : embeddings.loadInBackground(pause);
    }

    @Override
    public Status status() throws IOException {
        return new Status("lucene", index.path(), IndexService.isCurrent(index.path()), synonyms.problem());
    }

    /** The index underneath, for tests and benchmarks that measure Lucene itself. */
    public IndexService index() {
        return index;
    }

    /** The search service underneath, for tuning with another ranking configuration. */
    public SearchService searchService() {
        return search;
    }

    /** The synonyms searches expand with. */
    public Synonyms synonyms() {
        return synonyms;
    }

    @Override
    public void close() throws IOException {
        indexer.close(); // after the batch under way; documents left get their vectors after the next start
        suggestions.close();
        try {
            index.close();
        } finally {
            if (embeddings != null) {
                embeddings.close();
            }
        }
    }
}
