package org.painsearch.notes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.painsearch.corpus.AtomicFiles;
import org.painsearch.corpus.ContentVersion;
import org.painsearch.corpus.CorpusException;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.corpus.DocType;
import org.painsearch.corpus.Document;
import org.painsearch.corpus.DocumentCodec;
import org.painsearch.corpus.Ids;
import org.painsearch.corpus.OwnerOnly;

/**
 * Notes as files: created with stable ids that are never reused, saved atomically, versioned by content so a
 * stale edit is refused (and kept) rather than overwriting, deleted to {@code corpus/.trash/notes/} and restored.
 */
public final class NoteService {
    private static final String TRASH = ".trash/notes";
    private static final String CONFLICTS = ".conflicts";

    private final CorpusStore store;
    private final Clock clock;
    // Id allocation and read-compare-write of one note must not interleave with another save.
    private final ReentrantLock lock = new ReentrantLock();

    public NoteService(CorpusStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Every readable note, newest first; unreadable files are left out (reindex reports them). */
    public List<Note> list() throws IOException {
        var notes = new ArrayList<Note>();
        for (Path file : store.documentFiles()) {
            if (file.getParent().getFileName().toString().equals(DocType.NOTE.folder())) {
                try {
                    notes.add(read(file));
                } catch (CorpusException e) {
                    // listed by reindex and note lint
                }
            }
        }
        notes.sort(java.util.Comparator.comparing((Note n) -> n.updated() == null ? "" : n.updated())
                .thenComparing(n -> n.created() == null ? "" : n.created()).reversed());
        return notes;
    }

    /** The note {@code id}, or empty. */
    public Optional<Note> get(String id) throws IOException, CorpusException {
        Path file = fileOf(id);
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /** Creates a note with a new id made from its title. */
    public Note create(NoteDraft draft) throws IOException {
        lock.lock();
        try {
            String id = freeId(draft.title());
            String now = now();
            var doc = new Document(id, DocType.NOTE, draft.title(), null, List.of(), LocalDate.now(clock), null,
                    DocumentCodec.normalizeTags(draft.tags()), null, null, null, draft.body(), List.of(), null,
                    new Document.NoteInfo(now, draft.isPrivate()));
            Path file = store.write(doc, null, null).path();
            try {
                return read(file);
            } catch (CorpusException e) {
                // A note that cannot be read back must not stay behind to break every later reindex.
                Files.deleteIfExists(file);
                throw new IOException(e.getMessage(), e);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Saves an edit made from {@code baseVersion}.
     *
     * @throws NoteException.Conflict when the note changed since then; the draft is kept beside the corpus
     */
    public Note update(String id, String baseVersion, NoteDraft draft) throws IOException, NoteException {
        lock.lock();
        try {
            Path file = fileOf(id);
            if (!Files.isRegularFile(file)) {
                throw new NoteException.NotFound("no note with id '" + id + "'");
            }
            Document current = readDocument(file);
            String currentVersion = ContentVersion.of(file);
            if (!currentVersion.equals(baseVersion)) {
                throw new NoteException.Conflict(Note.of(current, currentVersion), keep(id, draft));
            }
            var doc = new Document(id, DocType.NOTE, draft.title(), current.url(), current.authors(), current.published(),
                    current.source(), DocumentCodec.normalizeTags(draft.tags()), current.doi(), current.pmid(), null,
                    draft.body(), List.of(), null, new Document.NoteInfo(now(), draft.isPrivate()));
            store.write(doc, null, null);
            return read(file);
        } catch (CorpusException e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Moves a note to the trash; {@link #restore} brings it back. */
    public void delete(String id) throws IOException, NoteException {
        lock.lock();
        try {
            Path file = fileOf(id);
            if (!Files.isRegularFile(file)) {
                throw new NoteException.NotFound("no note with id '" + id + "'");
            }
            Path trashed = trashOf(id);
            OwnerOnly.createDirectories(trashed.getParent());
            Files.move(file, trashed, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            lock.unlock();
        }
    }

    /** Brings a note back from the trash. */
    public Note restore(String id) throws IOException, NoteException {
        lock.lock();
        try {
            Path trashed = trashOf(id);
            if (!Files.isRegularFile(trashed)) {
                throw new NoteException.NotFound("no note '" + id + "' in the trash");
            }
            Path file = fileOf(id);
            if (Files.exists(file)) {
                throw new IllegalArgumentException("a note '" + id + "' exists already; it was not replaced");
            }
            OwnerOnly.createDirectories(file.getParent());
            Files.move(trashed, file, StandardCopyOption.ATOMIC_MOVE);
            return read(file);
        } catch (CorpusException e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** The file of note {@code id}. */
    public Path fileOf(String id) {
        if (!Document.isValidId(id)) {
            throw new IllegalArgumentException("'" + id + "' is not a note id");
        }
        return store.pathFor(DocType.NOTE, id);
    }

    private Note read(Path file) throws IOException, CorpusException {
        return Note.of(readDocument(file), ContentVersion.of(file));
    }

    private Document readDocument(Path file) throws CorpusException {
        return store.read(file);
    }

    // An id is never reused: not by a live document of any type, nor by a note in the trash.
    private String freeId(String title) {
        String slug = Ids.slug(title);
        String base = slug.startsWith("note-") ? slug : "note-" + slug;
        if (base.length() > 90) {
            base = base.substring(0, 90).replaceAll("-+$", "");
        }
        String id = base;
        for (int n = 2; taken(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private boolean taken(String id) {
        for (DocType t : DocType.values()) {
            if (Files.exists(store.pathFor(t, id))) {
                return true;
            }
        }
        return Files.exists(trashOf(id));
    }

    private Path trashOf(String id) {
        return store.root().resolve(TRASH).resolve(id + ".md");
    }

    // A refused save is written beside the corpus so it survives a closed tab or a crash.
    private String keep(String id, NoteDraft draft) throws IOException {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(clock.instant().atOffset(ZoneOffset.UTC));
        Path kept = store.root().resolve(CONFLICTS).resolve(id + "-" + stamp + ".md");
        String text = "# " + draft.title() + "\n\n" + draft.body();
        AtomicFiles.write(kept, text.getBytes(StandardCharsets.UTF_8));
        return store.root().relativize(kept).toString();
    }

    private String now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
