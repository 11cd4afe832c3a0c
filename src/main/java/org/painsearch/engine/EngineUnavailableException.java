package org.painsearch.engine;

import java.io.IOException;

/**
 * The engine cannot be reached for now (a cluster that does not answer): nothing is wrong with the request, and
 * the same request works again once the engine is back. Its message is a sentence for the user.
 */
public final class EngineUnavailableException extends IOException {
    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
