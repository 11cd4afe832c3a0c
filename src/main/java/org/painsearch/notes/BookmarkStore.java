package org.painsearch.notes;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.painsearch.corpus.AtomicFiles;
import org.painsearch.corpus.OwnerOnly;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bookmarks in {@code corpus/bookmarks.json}, rewritten atomically; a lock file keeps the server and the CLI
 * from losing each other's changes.
 */
public final class BookmarkStore {
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final int MAX_LABEL = 200;

    private final Path file;
    private final Clock clock;

    public BookmarkStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** Every bookmark, grouped by kind (notes, documents, searches), then by label. */
    public List<Bookmark> list() throws IOException {
        var all = new ArrayList<>(read());
        all.sort(Comparator.comparing((Bookmark b) -> order(b.kind()))
                .thenComparing(b -> b.label() == null ? b.target() : b.label(), String.CASE_INSENSITIVE_ORDER));
        return all;
    }

    /** Ids of bookmarked documents and notes. */
    public Set<String> bookmarkedIds() {
        try {
            return read().stream().map(Bookmark::documentId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        } catch (IOException e) {
            return Set.of();
        }
    }

    /** Adds a bookmark, or relabels the existing one for the same target; returns it. */
    @SuppressWarnings("try") // the lock is held for the block, not used in it
    public Bookmark add(String target, String label) throws IOException {
        String clean = label == null || label.isBlank() ? null : label.strip();
        if (clean != null && clean.length() > MAX_LABEL) {
            throw new IllegalArgumentException("the label is too long (at most " + MAX_LABEL + " characters)");
        }
        Bookmark.kindOf(target == null ? null : target.strip());
        try (Guard held = lock()) {
            var all = new ArrayList<>(read());
            String t = target.strip();
            for (int i = 0; i < all.size(); i++) {
                Bookmark b = all.get(i);
                if (b.target().equals(t)) {
                    var relabelled = new Bookmark(b.id(), t, clean != null ? clean : b.label(), b.created());
                    all.set(i, relabelled);
                    write(all);
                    return relabelled;
                }
            }
            int next = all.stream().mapToInt(b -> number(b.id())).max().orElse(0) + 1;
            var added = new Bookmark("b" + next, t, clean, clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
            all.add(added);
            write(all);
            return added;
        }
    }

    /** Removes bookmark {@code id}; false when there was none. */
    @SuppressWarnings("try")
    public boolean remove(String id) throws IOException {
        try (Guard held = lock()) {
            var all = new ArrayList<>(read());
            boolean removed = all.removeIf(b -> b.id().equals(id));
            if (removed) {
                write(all);
            }
            return removed;
        }
    }

    private List<Bookmark> read() throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return JSON.readValue(file.toFile(), new TypeReference<List<Bookmark>>() { });
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IOException(file + " is not a valid bookmarks file (" + e.getMessage().lines().findFirst().orElse("") + "); "
                    + "fix or remove it");
        }
    }

    private void write(List<Bookmark> all) throws IOException {
        AtomicFiles.write(file, JSON.writeValueAsBytes(all));
    }

    // Held while reading, changing and rewriting the file, so two writers never lose each other's bookmark.
    private interface Guard extends AutoCloseable {
        @Override
        void close() throws IOException;
    }

    // A file lock keeps other processes out but is held by the whole JVM: a second thread asking for it fails
    // instead of waiting. So threads of this process first queue on one in-process lock per file.
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private Guard lock() throws IOException {
        Path lockFile = OwnerOnly.createFile(file.resolveSibling("." + file.getFileName() + ".lock"));
        ReentrantLock local = IN_PROCESS.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new ReentrantLock());
        local.lock();
        try {
            var ch = FileChannel.open(lockFile, StandardOpenOption.WRITE);
            try {
                var l = ch.lock();
                return () -> {
                    try {
                        l.release();
                        ch.close();
                    } finally {
                        local.unlock();
                    }
                };
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            local.unlock();
            throw e;
        }
    }

    private static int number(String id) {
        try {
            return Integer.parseInt(id.substring(1));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static int order(String kind) {
        return switch (kind) {
            case "note" -> 0;
            case "doc" -> 1;
            default -> 2;
        };
    }
}
