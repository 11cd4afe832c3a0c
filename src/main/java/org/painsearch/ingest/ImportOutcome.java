package org.painsearch.ingest;

import java.nio.file.Path;
import org.painsearch.corpus.Document;

/** What happened to one file given to the importer. */
public sealed interface ImportOutcome {
    /** The file given. */
    Path source();

    /** Written to the corpus as {@code document}; {@code updated} when it replaced an earlier import. */
    record Imported(Path source, Document document, boolean updated) implements ImportOutcome {
    }

    /** Left alone on purpose (an unsupported kind of file, or one handled with another). */
    record Skipped(Path source, String reason) implements ImportOutcome {
    }

    /** Could not be imported; {@code reason} says what is wrong with the file. */
    record Failed(Path source, String reason) implements ImportOutcome {
    }
}
