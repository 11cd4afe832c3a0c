package org.painsearch.app;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.painsearch.corpus.ContentVersion;
import org.painsearch.corpus.CorpusException;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.corpus.TextFiles;
import org.painsearch.index.FileStamp;
import org.painsearch.index.IndexService;
import org.painsearch.index.Indexer;
import org.painsearch.index.Synonyms;
import org.painsearch.ingest.ImportOutcome;
import org.painsearch.ingest.Importer;
import org.painsearch.notes.BookmarkStore;
import org.painsearch.notes.Note;
import org.painsearch.notes.NoteDraft;
import org.painsearch.notes.NoteException;
import org.painsearch.notes.NoteService;
import org.painsearch.search.DocumentLookup;
import org.painsearch.search.LinkTools;
import org.painsearch.search.RankingMode;
import org.painsearch.search.Related;
import org.painsearch.search.SearchService;
import org.painsearch.search.Suggestions;
import org.painsearch.vectors.Embeddings;

/** The therapist's library: the corpus, its index, and the searches over them, as one service. */
public final class Library implements Closeable {
    private final CorpusStore corpus;
    private final IndexService index;
    // The one write path into the index: vectors, content versions and batching.
    private final Indexer indexer;
    // Work running in the background (reconciliation), for GET /api/status.
    private final Tasks tasks = new Tasks();
    private final Synonyms synonyms;
    private final SearchService search;
    private final DocumentLookup documents;
    private final LinkTools links;
    private final NoteService notes;
    private final BookmarkStore bookmarks;
    private final Embeddings embeddings;
    private final Suggestions suggestions;
    private final Related related;
    // Corpus files into the index, one at a time.
    private final FileSync files;

    public Library(CorpusStore corpus, IndexService index) {
        this(corpus, index, Clock.systemUTC());
    }

    /** A library whose notes and bookmarks take their times from {@code clock}. */
    public Library(CorpusStore corpus, IndexService index, Clock clock) {
        this(corpus, index, clock, null, RankingMode.BM25);
    }

    /**
     * A library that also indexes passage vectors with {@code embeddings} (null for words only) and ranks by
     * {@code defaultMode} when a search names no mode.
     */
    public Library(CorpusStore corpus, IndexService index, Clock clock, Embeddings embeddings, RankingMode defaultMode) {
        this.corpus = corpus;
        this.index = index;
        this.embeddings = embeddings;
        // Documents waiting for their vectors are read again from their file, so the queue holds no text.
        this.indexer = new Indexer(index, embeddings, file -> {
            try {
                return corpus.read(file);
            } catch (CorpusException e) {
                throw new IOException(e.getMessage(), e);
            }
        });
        tasks.watch("vectors", () -> {
            int[] p = indexer.vectorProgress();
            return p[0] < p[1] ? new Tasks.TaskView("vectors", "Computing meaning vectors", p[0], p[1]) : null;
        });
        this.files = new FileSync(corpus, indexer);
        this.synonyms = new Synonyms(corpus.synonymsFile());
        this.bookmarks = new BookmarkStore(corpus.root().resolve("bookmarks.json"), clock);
        this.search = searchService(index, synonyms, bookmarks, embeddings, defaultMode);
        this.suggestions = new Suggestions(index);
        this.related = new Related(index);
        this.documents = new DocumentLookup(index);
        this.links = new LinkTools(index);
        this.notes = new NoteService(corpus, clock);
    }

    /**
     * The one way a search service is wired, for the server and every command alike: the corpus's synonyms, its
     * bookmarks for {@code is:bookmarked}, meaning search when {@code embeddings} are given.
     */
    public static SearchService searchService(IndexService index, Synonyms synonyms, BookmarkStore bookmarks,
                                              Embeddings embeddings, RankingMode defaultMode) {
        return new SearchService(index, synonyms, bookmarks::bookmarkedIds,
                embeddings == null ? null : embeddings.meaning(), defaultMode);
    }

    /** A search service over {@code corpus}'s synonyms and bookmarks, for reading an index opened elsewhere. */
    public static SearchService searchService(CorpusStore corpus, IndexService index, Embeddings embeddings,
                                              RankingMode defaultMode) {
        return searchService(index, new Synonyms(corpus.synonymsFile()),
                new BookmarkStore(corpus.root().resolve("bookmarks.json"), Clock.systemUTC()), embeddings, defaultMode);
    }

    /** Autocomplete for the search box. */
    public Suggestions suggestions() {
        return suggestions;
    }

    /** Documents related to a document. */
    public Related related() {
        return related;
    }

    /**
     * Loads the embedding model in the background after {@code pause} and returns at once; until it is loaded,
     * searches rank by words and say so, rather than wait for it. The future completes when it is loaded (at once
     * without one).
     */
    public java.util.concurrent.CompletableFuture<Void> warmUp(java.time.Duration pause) {
        return embeddings == null ? java.util.concurrent.CompletableFuture.completedFuture(null)
                : embeddings.loadInBackground(pause);
    }

    public LinkTools links() {
        return links;
    }

    public NoteService notes() {
        return notes;
    }

    public BookmarkStore bookmarks() {
        return bookmarks;
    }

    /** A generation that is always visible: nothing was written. */
    public static final long NOTHING_WRITTEN = FileSync.NOTHING_WRITTEN;

    /** Creates a note and indexes it before returning, so a search right after finds it. */
    public Note createNote(NoteDraft draft) throws IOException {
        Note note = notes.create(draft);
        indexer.awaitVisible(syncFile(notes.fileOf(note.id())));
        return note;
    }

    /** Saves an edit made from {@code baseVersion} and indexes it (see {@link NoteService#update}). */
    public Note updateNote(String id, String baseVersion, NoteDraft draft) throws IOException, NoteException {
        Note note = notes.update(id, baseVersion, draft);
        indexer.awaitVisible(syncFile(notes.fileOf(id)));
        return note;
    }

    /** Moves a note to the trash and out of the index. */
    public void deleteNote(String id) throws IOException, NoteException {
        notes.delete(id);
        indexer.awaitVisible(syncFile(notes.fileOf(id)));
    }

    /** Brings a note back from the trash into the index. */
    public Note restoreNote(String id) throws IOException, NoteException {
        Note note = notes.restore(id);
        indexer.awaitVisible(syncFile(notes.fileOf(id)));
        return note;
    }

    /**
     * Brings the index in line with one corpus file (see {@link FileSync#sync}); returns the generation to wait on
     * for the change to be searchable ({@link #NOTHING_WRITTEN} when nothing was written).
     *
     * @throws IOException with the file and the problem when it cannot be read
     */
    public long syncFile(Path file) throws IOException {
        return files.sync(file);
    }

    /** Takes a document whose file is gone out of the index; returns the generation to wait on. */
    long forget(String id) throws IOException {
        return files.forget(id);
    }

    /** The one write path into this library's index. */
    public Indexer indexer() {
        return indexer;
    }

    /** Work running in the background, with progress. */
    public Tasks tasks() {
        return tasks;
    }

    public CorpusStore corpus() {
        return corpus;
    }

    public IndexService index() {
        return index;
    }

    public SearchService search() {
        return search;
    }

    public DocumentLookup documents() {
        return documents;
    }

    public Synonyms synonyms() {
        return synonyms;
    }

    /** The outcome of a rebuild: documents indexed, files that could not be read, and the time taken. */
    public record RebuildReport(int indexed, List<CorpusException> problems, long millis) {
        /** Documents indexed per second. */
        public double docsPerSecond() {
            return millis == 0 ? indexed * 1000.0 : indexed * 1000.0 / millis;
        }
    }

    /** Observes a rebuild: told the total first, then each step. */
    public interface Progress extends Indexer.Progress {
        void start(int total);

        @Override
        void step(int done);

        /**
         * A stage of the work begins, named for a person ("Reading", "Computing meaning vectors"), over
         * {@code total} documents; the steps that follow count its documents from zero.
         */
        @Override
        default void stage(String name, int total) {
            start(total);
        }

        Progress NONE = new Progress() {
            @Override
            public void start(int total) {
            }

            @Override
            public void step(int done) {
            }
        };
    }

    /**
     * Rebuilds the index from every corpus file, read, parsed and written as a stream on every core. Unreadable
     * files are reported and left out; the new index replaces the old one only when complete. Vectors not in the
     * embedding cache follow in the background ({@code indexer().vectorsDone()}).
     */
    public RebuildReport rebuild(Progress progress) throws IOException {
        long started = System.nanoTime();
        List<Path> files = corpus.documentFiles();
        var problems = java.util.Collections.synchronizedList(new ArrayList<CorpusException>());
        var indexed = new java.util.concurrent.atomic.AtomicInteger();
        indexer.rebuild(files, file -> {
            try {
                // Stamp, then version, then text: a file edited meanwhile is recorded as older than it is, so the
                // next reconciliation indexes it again rather than trusting it.
                var stamp = FileStamp.settled(file);
                String version = ContentVersion.ofDocument(file);
                var entry = new Indexer.Entry(corpus.read(file), version, stamp);
                indexed.incrementAndGet();
                return entry;
            } catch (CorpusException e) {
                problems.add(e);
                return null;
            }
        }, progress);
        this.files.forgetAll();
        var sorted = new ArrayList<>(problems);
        sorted.sort(java.util.Comparator.comparing(CorpusException::getMessage));
        return new RebuildReport(indexed.get(), sorted, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Compares the corpus with the index and writes what differs: documents missing from the index or older
     * there than on disk, and documents whose file is gone.
     */
    public Reconciliation.Outcome reconcile(Progress progress) throws IOException {
        return Reconciliation.run(this, progress);
    }

    /** Imports files and folders into the corpus and indexes each imported document as it is written. */
    public List<ImportOutcome> importPaths(List<Path> paths, Consumer<ImportOutcome> listener) throws IOException {
        var importer = new Importer(corpus, TextFiles.DEFAULT_MAX_BYTES, List.of(index.path()));
        var indexErrors = new ArrayList<IOException>();
        var outcomes = importer.importAll(paths, outcome -> {
            if (outcome instanceof ImportOutcome.Imported imported) {
                try {
                    // Read back from the corpus so the index holds exactly what the file says (transcript included).
                    syncFile(imported.document().path());
                } catch (IOException e) {
                    indexErrors.add(e);
                }
            }
            listener.accept(outcome);
        });
        indexer.flush();
        if (!indexErrors.isEmpty()) {
            throw indexErrors.get(0);
        }
        return outcomes;
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
