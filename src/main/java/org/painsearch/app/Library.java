package org.painsearch.app;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.painsearch.corpus.CorpusException;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.corpus.Document;
import org.painsearch.corpus.TextFiles;
import org.painsearch.index.IndexService;
import org.painsearch.index.Synonyms;
import org.painsearch.ingest.ImportOutcome;
import org.painsearch.ingest.Importer;
import org.painsearch.search.DocumentLookup;
import org.painsearch.search.SearchService;

/** The therapist's library: the corpus, its index, and the searches over them, as one service. */
public final class Library implements Closeable {
    private final CorpusStore corpus;
    private final IndexService index;
    private final Synonyms synonyms;
    private final SearchService search;
    private final DocumentLookup documents;

    public Library(CorpusStore corpus, IndexService index) {
        this.corpus = corpus;
        this.index = index;
        this.synonyms = new Synonyms(corpus.synonymsFile());
        this.search = new SearchService(index, synonyms);
        this.documents = new DocumentLookup(index);
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
        progress.start(files.size() * 2);
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
        int offset = step + (files.size() - docs.size());
        index.rebuild(docs, done -> progress.step(offset + done));
        return new RebuildReport(docs.size(), problems, (System.nanoTime() - started) / 1_000_000);
    }

    /** Imports files and folders into the corpus and indexes each imported document as it is written. */
    public List<ImportOutcome> importPaths(List<Path> paths, Consumer<ImportOutcome> listener) throws IOException {
        var importer = new Importer(corpus, TextFiles.DEFAULT_MAX_BYTES);
        var indexErrors = new ArrayList<IOException>();
        var outcomes = importer.importAll(paths, outcome -> {
            if (outcome instanceof ImportOutcome.Imported imported) {
                try {
                    // Read back from the corpus so the index holds exactly what the file says (transcript included).
                    index.upsert(corpus.read(imported.document().path()));
                } catch (IOException e) {
                    indexErrors.add(e);
                } catch (CorpusException e) {
                    indexErrors.add(new IOException(e.getMessage(), e));
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
        index.close();
    }
}
