package org.painsearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.painsearch.app.Library;
import org.painsearch.engine.EngineBusyException;
import org.painsearch.engine.RankingMode;

/** Opens the library for writing in this process, or finds the server that already has it open. */
final class LocalIndex {
    private LocalIndex() {
    }

    /** Either a library opened here or the running server that owns the index. */
    record Access(Library library, ServerRegistry.Server server) {
    }

    /** Opens the library; an index that cannot be opened is set aside (saying so on {@code out}) for a rebuild. */
    static Access open(StoreOptions store, PrintWriter out) throws IOException {
        Path indexDir = store.indexDir();
        try {
            var library = Library.open(store.engine(), java.time.Clock.systemUTC(), message -> {
                out.println(message);
                out.flush();
            });
            // Holding the index, this process is the only one saving notes: unfinished copies of a killed save go.
            Path corpus = store.corpusDir();
            try {
                org.painsearch.corpus.Leftovers.clean(corpus, org.painsearch.crawl.CrawlLock.isHeld(corpus.resolve(".crawl")));
            } catch (IOException e) {
                // A leftover copy is harmless (hidden, never read as a document); the next start tries again.
            }
            return new Access(library, null);
        } catch (EngineBusyException e) {
            Optional<ServerRegistry.Server> server = ServerRegistry.find(indexDir);
            if (server.isPresent()) {
                return new Access(null, server.get());
            }
            throw new IOException(e.getMessage() + ", and no running server answers for it; "
                    + "stop the other painsearch process, then try again");
        }
    }

    /**
     * Makes the index match the corpus before a command writes to it: builds it when it is missing or from an
     * older painsearch (saying why, with progress), else brings it in step with files changed while painsearch
     * was stopped. True when it was built here.
     */
    static boolean ensureBuilt(Library library, PrintWriter out) throws IOException {
        if (buildIfNeeded(library, out)) {
            ConsoleProgress.finishVectors(library); // the command ends soon: the vectors now, not at the next start
            return true;
        }
        org.painsearch.app.Reconciliation.Outcome outcome;
        try (var bar = new ConsoleProgress("Checking the index")) {
            outcome = library.reconcile(bar);
        }
        if (!outcome.found().none()) {
            out.println("Brought the index in step with the corpus: " + outcome.summary() + ".");
            out.flush();
        }
        return false;
    }

    /** Builds the index when it is missing, from an older painsearch or without the vectors its ranking needs. */
    static boolean buildIfNeeded(Library library, PrintWriter out) throws IOException {
        var engine = library.engine();
        boolean hybrid = engine.defaultMode() == RankingMode.HYBRID;
        // Documents flagged as waiting for their vectors get them in the background (a stopped run left them).
        boolean vectorsMissing = hybrid && !engine.hasVectors() && !engine.vectorsPending();
        boolean current = engine.status().current();
        if (current && !vectorsMissing) {
            return false;
        }
        int indexed = engine.documentCount();
        int files = library.corpus().documentFiles().size();
        String why = indexed == 0 ? "There is no index yet"
                : !current ? "The index was made by an older painsearch"
                : "The index has no meaning vectors yet (hybrid ranking needs them)";
        out.printf("%s, so painsearch indexes the %d documents in %s first%s.%n", why, files, library.corpus().root(),
                !hybrid ? "" : engine.status().location() == null ? " with their meaning vectors"
                        : "; their meaning vectors follow in the background");
        out.flush();
        rebuild(library, out);
        return true;
    }

    /** Rebuilds with a progress bar and prints the result and any unreadable files; false when some were left out. */
    static boolean rebuild(Library library, PrintWriter out) throws IOException {
        Library.RebuildReport report;
        try (var progress = new ConsoleProgress("Indexing")) {
            report = library.rebuild(progress);
        }
        for (var problem : report.problems()) {
            out.println("  left out " + problem.getMessage());
        }
        out.printf("Indexed %d documents in %.2f s (%.0f docs/s)%s%n", report.indexed(), report.millis() / 1000.0,
                report.docsPerSecond(), report.problems().isEmpty() ? "" : "; " + report.problems().size()
                        + " file(s) left out, see above");
        out.flush();
        return report.problems().isEmpty();
    }
}
