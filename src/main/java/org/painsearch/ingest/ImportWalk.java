package org.painsearch.ingest;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds what an import takes from the paths given, and what it must not: a symbolic link is followed only when
 * it points inside the folder being imported; hidden files and folders are left out unless named; files over the
 * size limit, and anything in painsearch's own index or trash, are skipped with the reason; so are pipes and
 * devices, which would never finish reading.
 */
final class ImportWalk {
    /** A file to import, or an outcome already decided for a path (skipped or failed). */
    sealed interface Entry permits Take, Decided {
        Path path();
    }

    /** Import {@code path}. */
    record Take(Path path) implements Entry {
    }

    /** Reported as it is, not imported. */
    record Decided(ImportOutcome outcome) implements Entry {
        @Override
        public Path path() {
            return outcome.source();
        }
    }

    private final long maxBytes;
    private final Set<String> supported;
    private final List<Path> forbidden;

    /**
     * @param forbidden folders never imported from (the index, the trash and the corpus's other own folders)
     */
    ImportWalk(long maxBytes, Set<String> supported, List<Path> forbidden) {
        this.maxBytes = maxBytes;
        this.supported = supported;
        this.forbidden = forbidden.stream().map(ImportWalk::real).toList();
    }

    /** What to do with everything under {@code given}, in path order. */
    List<Entry> entries(Path given) {
        if (!Files.exists(given, LinkOption.NOFOLLOW_LINKS)) {
            return List.of(new Decided(new ImportOutcome.Failed(given, "no such file or folder")));
        }
        Path root;
        try {
            root = given.toRealPath(); // a path named on purpose is followed, whatever it is
        } catch (IOException e) {
            return List.of(new Decided(new ImportOutcome.Failed(given, "a link to something that does not exist")));
        }
        String refusal = forbidden(root);
        if (refusal != null) {
            return List.of(new Decided(new ImportOutcome.Skipped(given, refusal)));
        }
        if (!Files.isDirectory(root)) {
            Entry e = file(given, root);
            return e == null ? List.of(new Take(given)) : List.of(e);
        }
        var out = new ArrayList<Entry>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root) && (hidden(dir) || forbidden(dir) != null)) {
                        if (forbidden(dir) != null) {
                            out.add(new Decided(new ImportOutcome.Skipped(shown(given, root, dir), forbidden(dir))));
                        }
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (hidden(file) || !attrs.isSymbolicLink() && !supported.contains(extension(file))) {
                        return FileVisitResult.CONTINUE;
                    }
                    Path shown = shown(given, root, file);
                    if (attrs.isSymbolicLink()) {
                        Path target;
                        try {
                            target = file.toRealPath();
                        } catch (IOException e) {
                            out.add(new Decided(new ImportOutcome.Skipped(shown, "a link to something that does not exist")));
                            return FileVisitResult.CONTINUE;
                        }
                        if (!target.startsWith(root)) {
                            out.add(new Decided(new ImportOutcome.Skipped(shown, "a link to outside the folder being "
                                    + "imported; links are followed only within it")));
                        }
                        // A link within the folder points at something the walk visits where it is (or leaves out
                        // on purpose, as hidden), so following it would only import the same file twice.
                        return FileVisitResult.CONTINUE;
                    }
                    Entry e = ImportWalk.this.file(shown, file);
                    out.add(e == null ? new Take(shown) : e);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    out.add(new Decided(new ImportOutcome.Failed(shown(given, root, file), "cannot be read ("
                            + (e.getMessage() == null ? "access denied" : e.getMessage()) + ")")));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return List.of(new Decided(new ImportOutcome.Failed(given, "cannot list the folder: " + e.getMessage())));
        }
        out.sort(Comparator.comparing(Entry::path));
        return out;
    }

    // A file that may not be read whole: not a regular file, or over the limit. Null when it may be imported.
    private Entry file(Path shown, Path real) {
        try {
            var attrs = Files.readAttributes(real, BasicFileAttributes.class);
            if (!attrs.isRegularFile()) {
                return new Decided(new ImportOutcome.Skipped(shown, "not a regular file (a pipe, device or socket)"));
            }
            if (attrs.size() > maxBytes) {
                return new Decided(new ImportOutcome.Skipped(shown, "too large to import (" + megabytes(attrs.size())
                        + "; the limit is " + megabytes(maxBytes) + ")"));
            }
            return null;
        } catch (IOException e) {
            return new Decided(new ImportOutcome.Failed(shown, "cannot be read (" + e.getMessage() + ")"));
        }
    }

    private String forbidden(Path p) {
        Path real = real(p);
        for (Path f : forbidden) {
            if (real.startsWith(f)) {
                return "inside painsearch's own folder " + f + " (the index, trash or conflicts); never imported";
            }
        }
        return null;
    }

    // The path as the person gave it (under the folder she named), not the resolved one.
    private static Path shown(Path given, Path root, Path p) {
        return given.resolve(root.relativize(p));
    }

    private static boolean hidden(Path p) {
        return p.getFileName() != null && p.getFileName().toString().startsWith(".");
    }

    static String extension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot);
    }

    static String megabytes(long bytes) {
        return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
