package org.painsearch.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a bench run measures on: documents in the corpus, rounds per figure, seconds per HTTP load run, documents
 * vectorized, questions sampled, where the eval collections are and where scratch files go, and which parts run.
 */
public record BenchConfig(int documents, int rounds, Duration loadTime, int vectorDocuments, int questions,
                          Path evalDir, Path scratch, Set<Part> parts, String openSearchUrl) {
    /** The parts of a run, each measured against its own baseline. */
    public enum Part {
        REINDEX, SEARCH, HTTP, HEAP, VECTORS,
        /** painsearch on an OpenSearch cluster beside the embedded index: needs {@code --opensearch-url}. */
        OPENSEARCH;

        /** The part named {@code name} as the command line writes it ({@code search}, {@code http}, ...). */
        public static Part parse(String name) {
            for (Part p : values()) {
                if (p.name().equalsIgnoreCase(name.strip())) {
                    return p;
                }
            }
            throw new IllegalArgumentException("--parts takes reindex, search, http, heap, vectors or opensearch, "
                    + "separated by commas (got: " + name.strip() + ")");
        }
    }

    /** Every part: what a run measures unless told otherwise (the OpenSearch part when a cluster is given). */
    public static final Set<Part> ALL_PARTS = Collections.unmodifiableSet(EnumSet.allOf(Part.class));

    /** A run of every part. */
    public BenchConfig(int documents, int rounds, Duration loadTime, int vectorDocuments, int questions,
                       Path evalDir, Path scratch) {
        this(documents, rounds, loadTime, vectorDocuments, questions, evalDir, scratch, ALL_PARTS, null);
    }

    public BenchConfig {
        if (parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("--parts must name at least one part: reindex, search, http, heap, "
                    + "vectors");
        }
        parts = Collections.unmodifiableSet(EnumSet.copyOf(parts));
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
        if (openSearchUrl != null && openSearchUrl.isBlank()) {
            openSearchUrl = null;
        }
        if (parts.equals(EnumSet.of(Part.OPENSEARCH)) && openSearchUrl == null) {
            throw new IllegalArgumentException("--parts opensearch needs the cluster's address: --opensearch-url URL");
        }
    }

    /** Whether this run measures {@code part} (the vectors part also needs {@code vectorDocuments} above 0). */
    public boolean runs(Part part) {
        return parts.contains(part) && (part != Part.VECTORS || vectorDocuments > 0)
                && (part != Part.OPENSEARCH || openSearchUrl != null);
    }
}
