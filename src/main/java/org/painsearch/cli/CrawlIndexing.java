package org.painsearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.painsearch.app.Library;
import org.painsearch.corpus.Document;

/** Indexes crawled documents as they arrive: in this process, or through the running server that has the index open. */
final class CrawlIndexing implements AutoCloseable {
    private final Library library;
    private final ServerRegistry.Server server;

    private CrawlIndexing(Library library, ServerRegistry.Server server) {
        this.library = library;
        this.server = server;
    }

    static CrawlIndexing open(StoreOptions store, PrintWriter out) throws IOException {
        var access = LocalIndex.open(store, out);
        if (access.server() != null) {
            out.println("The index is open in " + access.server().describe() + "; it indexes each document as it arrives.");
            out.flush();
            return new CrawlIndexing(null, access.server());
        }
        try {
            LocalIndex.ensureBuilt(access.library(), out);
        } catch (IOException | RuntimeException e) {
            access.library().close();
            throw e;
        }
        return new CrawlIndexing(access.library(), null);
    }

    /** Indexes one document written to the corpus (read back from its file, so the index holds what the file says). */
    void index(Document d) {
        try {
            if (library != null) {
                library.syncFile(d.path()); // read back, so the index holds what the file says, vectors included
            } else {
                ServerRegistry.post(server, "/api/corpus/changed", Map.of("paths", List.of(d.path().toString())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (library != null) {
            ConsoleProgress.finishVectors(library); // the crawled documents' meaning vectors, before this process ends
            library.close(); // commits: the end of the batch
        }
    }
}
