package org.painsearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.painsearch.corpus.CorpusArchive;

/** {@code import FILE.zip}: restores an export into the corpus, then rebuilds the index (here or in the server). */
final class ArchiveImport {
    private ArchiveImport() {
    }

    /** Restores each archive and reindexes once; returns how many archives or entries failed. */
    static int restore(List<Path> archives, StoreOptions store, PrintWriter out) throws IOException {
        int failed = 0;
        for (Path zip : archives) {
            var restored = CorpusArchive.restore(zip, store.corpusDir());
            restored.refused().forEach(r -> out.println("skipped   " + r));
            out.printf("Restored %d file(s) from %s into %s%n", restored.written().size(), zip, store.corpusDir());
            failed += restored.refused().size();
        }
        out.flush();
        return failed + ReindexCommand.rebuild(LocalIndex.open(store, out), out);
    }
}
