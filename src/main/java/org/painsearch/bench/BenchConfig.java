package org.painsearch.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a bench run measures on: documents in the corpus, rounds per figure, seconds per HTTP load run, documents
 * vectorized, questions sampled, where the eval collections are and where scratch files go.
 */
public record BenchConfig(int documents, int rounds, Duration loadTime, int vectorDocuments, int questions,
                          Path evalDir, Path scratch) {
    public BenchConfig {
        if (documents < 100) {
            throw new IllegalArgumentException("--docs must be at least 100 (got: " + documents + ")");
        }
        if (rounds < 1 || rounds > 10) {
            throw new IllegalArgumentException("--rounds must be between 1 and 10 (got: " + rounds + ")");
        }
        if (loadTime.toSeconds() < 1 || loadTime.toSeconds() > 600) {
            throw new IllegalArgumentException("--seconds must be between 1 and 600 (got: " + loadTime.toSeconds() + ")");
        }
        if (vectorDocuments != 0 && vectorDocuments < 100) {
            throw new IllegalArgumentException("--vector-docs must be 0 (no vector figures) or at least 100 (got: "
                    + vectorDocuments + ")");
        }
        if (questions < 1) {
            throw new IllegalArgumentException("--questions must be 1 or more (got: " + questions + ")");
        }
        vectorDocuments = Math.min(vectorDocuments, documents);
    }
}
