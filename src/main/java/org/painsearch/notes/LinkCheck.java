package org.painsearch.notes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.painsearch.corpus.CorpusException;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.corpus.DocType;
import org.painsearch.corpus.Document;
import org.painsearch.corpus.Link;

/** Checks notes' {@code [[links]]} against the corpus files themselves, without an index. */
public final class LinkCheck {
    private final Set<String> keys = new HashSet<>();
    private final List<Document> notes = new ArrayList<>();
    private final List<CorpusException> unreadable = new ArrayList<>();

    private LinkCheck() {
    }

    /** A link that points at nothing in the corpus. */
    public record Unresolved(String noteId, Path file, Link link) {
    }

    /** Reads the whole corpus once. */
    public static LinkCheck of(CorpusStore store) throws IOException {
        var check = new LinkCheck();
        for (Path file : store.documentFiles()) {
            try {
                Document d = store.read(file);
                check.keys.addAll(Link.keysOf(d.id(), d.doi(), d.url()));
                if (d.type() == DocType.NOTE) {
                    check.notes.add(d);
                }
            } catch (CorpusException e) {
                check.unreadable.add(e);
            }
        }
        return check;
    }

    /** The unresolved {@code [[links]]} of every note (bare addresses are not links until they match). */
    public List<Unresolved> unresolved() {
        var out = new ArrayList<Unresolved>();
        for (Document note : notes) {
            out.addAll(unresolvedIn(note));
        }
        return out;
    }

    /** The unresolved {@code [[links]]} of one note. */
    public List<Unresolved> unresolvedIn(Document note) {
        return note.links().stream().filter(l -> !keys.contains(l.key()))
                .map(l -> new Unresolved(note.id(), note.path(), l)).toList();
    }

    /** True when the key names a document of the corpus. */
    public boolean resolves(Link link) {
        return keys.contains(link.key());
    }

    /** Corpus files that could not be read. */
    public List<CorpusException> unreadable() {
        return unreadable;
    }
}
