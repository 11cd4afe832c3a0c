package org.painsearch.engine;

import java.io.IOException;

/** The index is held by another process (a running server, another command), so it cannot be opened for writing. */
public final class EngineBusyException extends IOException {
    public EngineBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
