package org.painsearch.index;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;

/**
 * An index that cannot be opened (a damaged or missing segment file, a format from another Lucene, files that are
 * not an index) is moved aside, never deleted, and a new one is made in its place for a rebuild from the corpus.
 */
public final class DamagedIndex {
    // Folders beside the index that are kept when it is set aside: computed vectors are costly and still valid.
    private static final String EMBEDDING_CACHE = "embedding-cache";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private DamagedIndex() {
    }

    /** An index opened for writing, and, when the old one could not be opened, where it went and why. */
    public record Opened(IndexService index, Path setAside, String reason) {
        /** True when the index was set aside and this one is new and empty. */
        public boolean replaced() {
            return setAside != null;
        }
    }

    /** Opens {@code indexDir} for writing; a damaged index there is set aside and an empty one opened instead. */
    public static Opened openWritable(Path indexDir, Clock clock) throws IOException, IndexBusyException {
        try {
            return new Opened(IndexService.openWritable(indexDir), null, null);
        } catch (IOException | RuntimeException e) {
            String reason = damage(e);
            if (reason == null) {
                throw e;
            }
            Path aside = setAside(indexDir, clock);
            return new Opened(IndexService.openWritable(indexDir), aside, reason);
        }
    }

    /** What is wrong with an index that failed to open this way, in plain words; null when it is not damage. */
    static String damage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IndexFormatTooOldException || t instanceof IndexFormatTooNewException) {
                return "it was written by another version of Lucene than this painsearch reads";
            }
            if (t instanceof CorruptIndexException || t instanceof EOFException) {
                return "one of its files is damaged";
            }
            if (t instanceof NoSuchFileException) {
                return "one of its files is missing";
            }
        }
        // Lucene names a codec or format it does not know this way: not an index this painsearch can read.
        boolean fromLucene = e.getStackTrace().length > 0 && e.getStackTrace()[0].getClassName().startsWith("org.apache.lucene");
        return fromLucene && (e instanceof IllegalArgumentException || e instanceof IllegalStateException)
                ? "its files are not an index this painsearch can read" : null;
    }

    private static Path setAside(Path indexDir, Clock clock) throws IOException {
        Path aside = indexDir.resolveSibling(indexDir.getFileName() + ".damaged-" + LocalDateTime.now(clock).format(STAMP));
        Files.move(indexDir, aside, StandardCopyOption.ATOMIC_MOVE);
        Path cache = aside.resolve(EMBEDDING_CACHE);
        if (Files.isDirectory(cache)) {
            org.painsearch.corpus.OwnerOnly.createDirectories(indexDir);
            Files.move(cache, indexDir.resolve(EMBEDDING_CACHE), StandardCopyOption.ATOMIC_MOVE);
        }
        return aside;
    }
}
