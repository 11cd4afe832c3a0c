package org.painsearch.app;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.painsearch.corpus.ContentVersion;
import org.painsearch.corpus.CorpusException;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.corpus.DocType;
import org.painsearch.corpus.Document;
import org.painsearch.corpus.TextFiles;
import org.painsearch.index.IndexService;
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
    private final Synonyms synonyms;
    private final SearchService search;
    private final DocumentLookup documents;
    private final LinkTools links;
    private final NoteService notes;
    private final BookmarkStore bookmarks;
    private final Embeddings embeddings;
    private final Suggestions suggestions;
    private final Related related;
    // What was last indexed for each id, so an event for a file we just wrote ourselves costs nothing.
    private final Map<String, String> indexedVersions = new ConcurrentHashMap<>();

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

    /** Creates a note and indexes it before returning, so a search right after finds it. */
    public Note createNote(NoteDraft draft) throws IOException {
        Note note = notes.create(draft);
        syncFile(notes.fileOf(note.id()));
        return note;
    }

    /** Saves an edit made from {@code baseVersion} and indexes it (see {@link NoteService#update}). */
    public Note updateNote(String id, String baseVersion, NoteDraft draft) throws IOException, NoteException {
        Note note = notes.update(id, baseVersion, draft);
        syncFile(notes.fileOf(id));
        return note;
    }

    /** Moves a note to the trash and out of the index. */
    public void deleteNote(String id) throws IOException, NoteException {
        notes.delete(id);
        syncFile(notes.fileOf(id));
    }

    /** Brings a note back from the trash into the index. */
    public Note restoreNote(String id) throws IOException, NoteException {
        Note note = notes.restore(id);
        syncFile(notes.fileOf(id));
        return note;
    }

    /**
     * Brings the index in line with one corpus file: a changed document is re-read and replaced, a removed one
     * is taken out, a transcript refreshes its episode. A file that cannot be read leaves the indexed version.
     *
     * @throws IOException with the file and the problem when it cannot be read
     */
    public void syncFile(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(".vtt") || name.endsWith(".srt")) {
            Path md = file.resolveSibling(name.substring(0, name.length() - 4) + ".md");
            if (Files.exists(md)) {
                syncFile(md);
            }
            return;
        }
        if (!corpus.isDocumentFile(file)) {
            return; // the trash and the other hidden folders are not part of the library
        }
        String id = name.substring(0, name.length() - 3);
        if (!Files.exists(file)) {
            boolean elsewhere = java.util.Arrays.stream(DocType.values()).anyMatch(t -> Files.exists(corpus.pathFor(t, id)));
            if (!elsewhere) {
                indexedVersions.remove(id);
                index.delete(id);
            }
            return;
        }
        try {
            Document d = corpus.read(file);
            String version = ContentVersion.of(file) + transcriptVersion(file);
            if (!version.equals(indexedVersions.get(d.id()))) {
                index.upsert(d, embeddings == null ? List.of() : embeddings.vectorsFor(d));
                indexedVersions.put(d.id(), version);
            }
        } catch (CorpusException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static String transcriptVersion(Path md) throws IOException {
        String base = md.getFileName().toString().replaceFirst("\\.md$", "");
        for (String ext : List.of(".vtt", ".srt")) {
            Path t = md.resolveSibling(base + ext);
            if (Files.exists(t)) {
                return ext + ContentVersion.of(t);
            }
        }
        return "";
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
    public interface Progress {
        void start(int total);

        void step(int done);

        /**
         * A stage of the work begins, named for a person ("Reading", "Computing meaning vectors"), over
         * {@code total} documents; the steps that follow count its documents from zero.
         */
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
     * Rebuilds the index from every corpus file. Unreadable files are reported and left out; the new index
     * replaces the old one only when complete.
     */
    public RebuildReport rebuild(Progress progress) throws IOException {
        long started = System.nanoTime();
        List<Path> files = corpus.documentFiles();
        // Each stage counts documents, so a person watching sees "72 of 72", never a total no corpus has.
        progress.stage("Reading", files.size());
        var docs = new ArrayList<Document>();
        var problems = new ArrayList<CorpusException>();
        int step = 0;
        for (Path file : files) {
            try {
                docs.add(corpus.read(file));
            } catch (CorpusException e) {
                problems.add(e);
            }
            progress.step(++step);
        }
        Map<String, List<float[]>> vectors = Map.of();
        if (embeddings != null) {
            // Embedding is the slow part; unchanged passages come from the cache.
            progress.stage("Computing meaning vectors", docs.size());
            vectors = embeddings.vectorsFor(docs, progress::step);
        }
        progress.stage("Writing the index", docs.size());
        index.rebuild(docs, vectors, progress::step);
        indexedVersions.clear();
        return new RebuildReport(docs.size(), problems, (System.nanoTime() - started) / 1_000_000);
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
        if (!indexErrors.isEmpty()) {
            throw indexErrors.get(0);
        }
        return outcomes;
    }

    @Override
    public void close() throws IOException {
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
