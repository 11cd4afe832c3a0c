package org.painsearch.engine;

/** The state of an index's files, checked without opening it for use; told in plain words. */
public sealed interface Health {
    /** The index's files are whole; {@code currentSchema} is false when an older painsearch made them. */
    record Whole(int segments, int documents, boolean currentSchema) implements Health {
    }

    /** There is no index yet. */
    record Missing() implements Health {
    }

    /** Another process (a running server) holds the index, so its files cannot be checked now. */
    record Busy() implements Health {
    }

    /** The index cannot be looked at (a cluster that does not answer or cannot serve painsearch); {@code problem} says why. */
    record Unavailable(String problem) implements Health {
    }

    /** Some files are damaged or missing; {@code problem} says what, in plain words. */
    record Damaged(String problem) implements Health {
    }
}
