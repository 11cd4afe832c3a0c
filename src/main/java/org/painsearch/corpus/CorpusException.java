package org.painsearch.corpus;

import java.nio.file.Path;

/** A corpus file that cannot be read as a document; the message names the file and what is wrong. */
public class CorpusException extends Exception {
    private final Path path;

    public CorpusException(Path path, String problem) {
        super(path + ": " + problem);
        this.path = path;
    }

    /** The file at fault. */
    public Path path() {
        return path;
    }
}
