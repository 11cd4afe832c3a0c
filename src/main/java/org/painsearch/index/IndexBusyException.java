package org.painsearch.index;

import java.nio.file.Path;

/** The index is open for writing by another process (usually a running painsearch server). */
public class IndexBusyException extends Exception {
    public IndexBusyException(Path indexDir) {
        super("the index at " + indexDir + " is in use by another painsearch process");
    }
}
