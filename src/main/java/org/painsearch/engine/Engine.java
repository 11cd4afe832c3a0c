package org.painsearch.engine;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.painsearch.corpus.Document;
import org.painsearch.corpus.FileStamp;

/**
 * A search backend: what the web page, the command line, notes and evaluation ask of an index. The corpus files
 * stay the source of truth; an engine holds what is searchable about them. Writes return a generation that
 * {@link #awaitVisible} waits on. Implementations: the embedded Lucene index ({@code engine.lucene}).
 */
public interface Engine extends Closeable {
    /** A generation that is always visible: nothing was written. */
    long NOTHING_WRITTEN = -1;

    /**
     * Searches: hits with highlights, facets, the query as understood. Problems in the typed query never fail the
     * search: they are worked around and said in {@link SearchResponse#notice()}.
     *
     * @throws IllegalArgumentException when the query would cost too much (too many expansions, too slow)
     */
    SearchResponse search(SearchRequest request) throws IOException;

    /** The ranking alone, as {@link #search} orders it, down to the request's last result: what eval measures. */
    List<Ranked> rank(SearchRequest request) throws IOException;

    /** A whole document with the links it makes and the documents linking to it; empty when there is none. */
    Optional<DocumentView> document(String id) throws IOException;

    /** The words of document {@code id} that {@code query} matches, for marking them in the document view. */
    List<String> marks(String id, String query) throws IOException;

    /** Up to {@code n} autocomplete suggestions for what has been typed so far. */
    List<Suggestion> suggest(String typed, int n) throws IOException;

    /** Up to {@code n} documents related to {@code id}; empty when there is no such document. */
    List<RelatedDoc> related(String id, int n) throws IOException;

    /** The documents that the {@code [[links]]} of a Markdown text point at, by link target. */
    Map<String, Links.Ref> resolveLinks(String markdown) throws IOException;

    /** Documents whose title or id starts like {@code typed}, for completing a {@code [[link}. */
    List<Links.Ref> suggestLinks(String typed, int limit) throws IOException;

    /** Sources that name a note's title or tags without being linked from it. */
    List<Links.Mention> unlinkedMentions(String noteId, int limit) throws IOException;

    /** The documents named by {@code ids} that exist, by id. */
    Map<String, Links.Ref> refs(Collection<String> ids) throws IOException;

    /** Notes and what they link to, optionally only notes with {@code tag} (null for all). */
    Links.Graph graph(String tag) throws IOException;

    /**
     * For calibrating the meaning threshold: how close in meaning each of {@code ids} is to {@code query}, and the
     * {@code k} nearest documents. Empty when meaning search is off.
     */
    Closeness closeness(String query, List<String> ids, int k) throws IOException;

    /** Writes (adds or replaces) a document read from a file of content version {@code version}. */
    default long write(Document document, String version) throws IOException {
        return write(document, version, null);
    }

    /**
     * As {@link #write(Document, String)}, recording the file's {@code stamp} (its size and modification time when
     * read; null for none) so that reconciliation need not read a file that has not changed since.
     */
    long write(Document document, String version, FileStamp stamp) throws IOException;

    /** Records a new stamp for document {@code id}'s file, found unchanged by its content version. */
    void restamp(String id, FileStamp stamp) throws IOException;

    /** Takes a document out. */
    long delete(String id) throws IOException;

    /** The end of a batch of writes: everything written is made durable and searchable. */
    void flush() throws IOException;

    /** Waits until the writes up to {@code generation} are searchable. */
    void awaitVisible(long generation) throws IOException;

    /**
     * Builds a new index from {@code items}, each read into an entry by {@code loader} (null leaves it out), and
     * swaps it in; searches see the old index until then, and writes made meanwhile are applied after the swap.
     * The loader may be called from several threads at once.
     */
    <T> void rebuild(List<T> items, Loader<T> loader, Progress progress) throws IOException;

    /**
     * Completes when every document written so far carries its meaning vectors (a backend may compute them in the
     * background, after the words are searchable): evaluation waits on it before ranking by meaning.
     */
    CompletableFuture<Void> vectorsDone();

    /** Documents given their vectors, and documents waiting for them, since the background work last finished. */
    Backlog vectorBacklog();

    /**
     * Queues for vectors the documents an earlier run left without them (stopped before it finished); returns how
     * many were queued.
     */
    int resumeVectors() throws IOException;

    /** Work done and work queued: {@code done} of {@code total}. */
    record Backlog(int done, int total) {
        /** True while some is left. */
        public boolean running() {
            return done < total;
        }
    }

    /** The content version recorded for each indexed document, by id (for reconciling with the corpus). */
    Map<String, String> contentVersions() throws IOException;

    /** What the index recorded about each indexed document's file (content version and stamp), by id. */
    Map<String, IndexedFile> indexedFiles() throws IOException;

    /** How many documents are searchable. */
    int documentCount() throws IOException;

    /** True when documents carry meaning vectors (hybrid ranking needs them). */
    boolean hasVectors() throws IOException;

    /**
     * True when some documents wait for their meaning vectors (written by their words first; a stopped run leaves
     * them flagged, and {@link #resumeVectors} finishes them).
     */
    boolean vectorsPending() throws IOException;

    /** The ranking used when a request names none. */
    RankingMode defaultMode();

    /**
     * Starts loading what meaning search needs after {@code pause} and returns at once; until then searches rank by
     * words and say so. Completes when loaded (at once when there is nothing to load).
     */
    CompletableFuture<Void> warmUp(Duration pause);

    /** What a person needs to know about the engine: where it is, whether it is current. */
    Status status() throws IOException;

    /**
     * The engine's state.
     *
     * @param backend        the backend's name ({@code lucene})
     * @param location       where the index lives on this machine; null for a remote backend
     * @param current        false when the index was made by an older painsearch and needs a rebuild
     * @param synonymProblem why the synonyms file could not be read; null when it could
     */
    record Status(String backend, Path location, boolean current, String synonymProblem) {
    }

    /**
     * A document to index, the content version of its file (null when it has none) and the file's stamp taken
     * before it was read (null for none).
     */
    record Entry(Document document, String version, FileStamp stamp) {
        /** An entry without a stamp. */
        public Entry(Document document, String version) {
            this(document, version, null);
        }
    }

    /** Reads one item of a rebuild into an entry; null leaves it out (the caller reports why). */
    @FunctionalInterface
    interface Loader<T> {
        Entry load(T item) throws IOException;
    }

    /** Observes a rebuild: the stage that starts, then documents done within it. */
    @FunctionalInterface
    interface Progress {
        void step(int done);

        default void stage(String name, int total) {
        }
    }
}
