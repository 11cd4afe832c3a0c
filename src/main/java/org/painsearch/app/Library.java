package org.painsearch.app;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.painsearch.corpus.CorpusException;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.corpus.TextFiles;
import org.painsearch.engine.Engine;
import org.painsearch.engine.EngineUnavailableException;
import org.painsearch.engine.EngineConfig;
import org.painsearch.engine.Engines;
import org.painsearch.ingest.ImportOutcome;
import org.painsearch.ingest.Importer;
import org.painsearch.notes.BookmarkStore;
import org.painsearch.notes.Note;
import org.painsearch.notes.NoteDraft;
import org.painsearch.notes.NoteException;
import org.painsearch.notes.NoteService;

/** The therapist's library: the corpus, the engine that searches it, notes and bookmarks, as one service. */
public final class Library implements Closeable {
    private final CorpusStore corpus;
    // The search backend: every search, and the one write path into its index.
    private final Engine engine;
    // Work running in the background (reconciliation), for GET /api/status.
    private final Tasks tasks = new Tasks();
    private final NoteService notes;
    private final BookmarkStore bookmarks;
    // Corpus files into the index, one at a time.
    private final FileSync files;

    /**
     * A library over {@code corpus} searched by {@code engine} (owned from here on: closed with the library), with
     * the {@code bookmarks} the engine's {@code is:bookmarked} reads; notes take their times from {@code clock}.
     */
    public Library(CorpusStore corpus, Engine engine, BookmarkStore bookmarks, Clock clock) {
        this.corpus = corpus;
        this.engine = engine;
        this.files = new FileSync(corpus, engine);
        this.bookmarks = bookmarks;
        this.notes = new NoteService(corpus, clock);
        tasks.watch("vectors", () -> {
            var backlog = engine.vectorBacklog();
            return backlog.running()
                    ? new Tasks.TaskView("vectors", "Computing meaning vectors", backlog.done(), backlog.total()) : null;
        });
    }

    /**
     * The one way a library is opened, for the server and every command alike: the corpus and the engine that
     * {@code config} names, with the corpus's bookmarks. {@code say} hears what a person should know about the
     * opening (an index set aside for a rebuild).
     *
     * @throws org.painsearch.engine.EngineBusyException when another process holds the index
     */
    public static Library open(EngineConfig config, Clock clock, Consumer<String> say) throws IOException {
        var corpus = new CorpusStore(config.corpus());
        var bookmarks = bookmarksOf(corpus, clock);
        return new Library(corpus, Engines.open(config, bookmarks::bookmarkedIds, say), bookmarks, clock);
    }

    /** The bookmarks kept in {@code corpus}. */
    public static BookmarkStore bookmarksOf(CorpusStore corpus, Clock clock) {
        return new BookmarkStore(corpus.root().resolve("bookmarks.json"), clock);
    }

    /** The search backend: searches, document views, suggestions, related documents and note links. */
    public Engine engine() {
        return engine;
    }

    /**
     * Loads the embedding model in the background after {@code pause} and returns at once; until it is loaded,
     * searches rank by words and say so, rather than wait for it. The future completes when it is loaded (at once
     * without one).
     */
    public java.util.concurrent.CompletableFuture<Void> warmUp(java.time.Duration pause) {
        return engine.warmUp(pause);
    }

    public NoteService notes() {
        return notes;
    }

    public BookmarkStore bookmarks() {
        return bookmarks;
    }

    /** A generation that is always visible: nothing was written. */
    public static final long NOTHING_WRITTEN = Engine.NOTHING_WRITTEN;

    /** Creates a note and indexes it before returning, so a search right after finds it. */
    public Note createNote(NoteDraft draft) throws IOException {
        Note note = notes.create(draft);
        indexSaved(notes.fileOf(note.id()), "is saved in %s, but the index cannot take it yet");
        return note;
    }

    /** Saves an edit made from {@code baseVersion} and indexes it (see {@link NoteService#update}). */
    public Note updateNote(String id, String baseVersion, NoteDraft draft) throws IOException, NoteException {
        Note note = notes.update(id, baseVersion, draft);
        indexSaved(notes.fileOf(id), "is saved in %s, but the index cannot take the change yet");
        return note;
    }

    /** Moves a note to the trash and out of the index. */
    public void deleteNote(String id) throws IOException, NoteException {
        notes.delete(id);
        indexSaved(notes.fileOf(id), "is moved from %s to the trash, but the index cannot take it out yet (it may "
                + "still be found until then)");
    }

    /** Brings a note back from the trash into the index. */
    public Note restoreNote(String id) throws IOException, NoteException {
        Note note = notes.restore(id);
        indexSaved(notes.fileOf(id), "is back in %s, but the index cannot take it yet");
        return note;
    }

    // Brings a note file just written (or moved away) into the index and waits until searches see it. An engine that
    // does not answer leaves the file as written (the corpus is the truth) and says so in the words of {@code done}
    // (with %s for the file); the corpus watcher brings the index in step once it answers.
    private void indexSaved(Path file, String done) throws IOException {
        try {
            engine.awaitVisible(syncFile(file));
        } catch (EngineUnavailableException e) {
            throw new EngineUnavailableException("The note " + done.formatted(corpus.root().relativize(file)) + ": "
                    + e.getMessage(), e);
        }
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

    /** Work running in the background, with progress. */
    public Tasks tasks() {
        return tasks;
    }

    public CorpusStore corpus() {
        return corpus;
    }

    /** The outcome of a rebuild: documents indexed, files that could not be read, and the time taken. */
    public record RebuildReport(int indexed, List<CorpusException> problems, long millis) {
        /** Documents indexed per second. */
        public double docsPerSecond() {
            return millis == 0 ? indexed * 1000.0 : indexed * 1000.0 / millis;
        }
    }

    /** Observes a rebuild: told the total first, then each step. */
    public interface Progress extends Engine.Progress {
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
     * Rebuilds the index from every corpus file, read and written as a stream. Unreadable files are reported and
     * left out; the new index replaces the old one only when complete.
     */
    public RebuildReport rebuild(Progress progress) throws IOException {
        long started = System.nanoTime();
        List<Path> files = corpus.documentFiles();
        // The engine may read files on several threads at once.
        var problems = java.util.Collections.synchronizedList(new ArrayList<CorpusException>());
        var indexed = new java.util.concurrent.atomic.AtomicInteger();
        engine.rebuild(files, file -> {
            try {
                var read = corpus.snapshot(file);
                var entry = new Engine.Entry(read.document(), read.version(), read.stamp());
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
        Path indexFolder = engine.status().location();
        var importer = new Importer(corpus, TextFiles.DEFAULT_MAX_BYTES,
                indexFolder == null ? List.of() : List.of(indexFolder));
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
        engine.flush();
        if (!indexErrors.isEmpty()) {
            throw indexErrors.get(0);
        }
        return outcomes;
    }

    @Override
    public void close() throws IOException {
        engine.close();
    }
}
