package org.painsearch.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes the temporary files of writes that a crash or kill interrupted: each is an unfinished copy beside a file
 * that was never replaced, so the file itself is intact and the copy is garbage. Run by the process that has just
 * opened the index for writing, so no other painsearch is saving notes at that moment.
 */
public final class Leftovers {
    // The corpus root holds bookmarks.json and sources.yaml, which a command line may be saving right now.
    private static final Duration ROOT_MIN_AGE = Duration.ofMinutes(1);

    private Leftovers() {
    }

    /**
     * Deletes leftover temporary files in the corpus and returns them. {@code crawlRunning}: another process crawls
     * into this corpus now, so the folders it writes (articles, podcasts, {@code .crawl}) are left alone.
     */
    public static List<Path> clean(Path corpusRoot, boolean crawlRunning) throws IOException {
        var removed = new ArrayList<Path>();
        for (String folder : List.of(DocType.NOTE.folder(), ".trash/" + DocType.NOTE.folder(), ".conflicts")) {
            removeIn(corpusRoot.resolve(folder), false, Instant.MAX, removed);
        }
        if (!crawlRunning) {
            removeIn(corpusRoot.resolve(DocType.ARTICLE.folder()), false, Instant.MAX, removed);
            removeIn(corpusRoot.resolve(DocType.PODCAST.folder()), false, Instant.MAX, removed);
            removeIn(corpusRoot.resolve(".crawl"), true, Instant.MAX, removed);
        }
        removeIn(corpusRoot, false, Instant.now().minus(ROOT_MIN_AGE), removed);
        return removed;
    }

    private static void removeIn(Path dir, boolean deep, Instant olderThan, List<Path> removed) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = deep ? Files.walk(dir) : Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (AtomicFiles.isTemporary(f) && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(olderThan)) {
                    Files.deleteIfExists(f);
                    removed.add(f);
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
