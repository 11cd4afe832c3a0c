package org.painsearch.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.painsearch.corpus.CorpusStore;

/**
 * Which files on this machine the API may touch: documents of the corpus for {@code /api/corpus/changed}, and
 * files under the import roots she configured for {@code /api/import}. Paths are compared after links are
 * resolved, so a link inside a root cannot lead out of it.
 */
final class FileAccess {
    private final CorpusStore corpus;
    private final List<Path> importRoots;

    FileAccess(CorpusStore corpus, List<Path> importRoots) {
        this.corpus = corpus;
        this.importRoots = importRoots.stream().map(FileAccess::real).toList();
    }

    /** The roots imports may come from, links resolved. */
    List<Path> importRoots() {
        return importRoots;
    }

    /** {@code given} as a document file of the corpus; refused for anything else (the trash, other folders). */
    Path documentFile(String given) {
        Path file = absolute(given);
        if (!corpus.isDocumentFile(file) || !inside(real(file), real(corpus.root()))) {
            throw new IllegalArgumentException("not a document file of the corpus " + corpus.root()
                    + " (its articles/, podcasts/ or notes/ folder): " + given);
        }
        return file;
    }

    /**
     * {@code given} as a file or folder to import. The owner's own command line (holding the server's token) may
     * name any path she can read; any other caller only paths under the import roots.
     */
    Path importable(String given, boolean owner) {
        Path path = absolute(given);
        if (owner) {
            return path;
        }
        Path real = real(path);
        if (importRoots.stream().noneMatch(root -> inside(real, root))) {
            throw new Forbidden(importRoots.isEmpty()
                    ? "importing by path over HTTP is limited to import roots, and none is set; start the server with "
                            + "--import-root FOLDER (or use ./painsearch import on this machine)"
                    : "importing is limited to the import roots (" + String.join(", ",
                            importRoots.stream().map(Path::toString).toList()) + "); " + given + " is outside them");
        }
        return path;
    }

    /** A refusal of a path outside what the caller may touch: answered with 403. */
    static final class Forbidden extends RuntimeException {
        Forbidden(String message) {
            super(message);
        }
    }

    private static Path absolute(String given) {
        Path p;
        try {
            p = Path.of(given);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a usable path: " + given.replace("\0", "\\0"));
        }
        if (!p.isAbsolute()) {
            throw new IllegalArgumentException("paths must be absolute (got: " + given + ")");
        }
        return p.normalize();
    }

    // The path with every link resolved; for a path that does not exist (yet), its nearest existing folder's.
    private static Path real(Path p) {
        Path existing = p.toAbsolutePath().normalize();
        Path tail = Path.of("");
        while (existing != null && !Files.exists(existing)) {
            tail = existing.getFileName().resolve(tail);
            existing = existing.getParent();
        }
        try {
            return existing == null ? p : existing.toRealPath().resolve(tail).normalize();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static boolean inside(Path p, Path root) {
        return p.startsWith(root);
    }
}
