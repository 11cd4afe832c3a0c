package org.painsearch.notes;

import java.util.List;
import org.painsearch.corpus.Document;

/**
 * A note as stored, with the version an edit must name to be saved.
 *
 * @param version a hash of the note's file: it changes with every save, here or in any editor
 */
public record Note(String id, String title, String body, List<String> tags, String created, String updated,
                   boolean isPrivate, String version) {

    static Note of(Document d, String version) {
        return new Note(d.id(), d.title(), d.body(), d.tags(), d.published() == null ? null : d.published().toString(),
                d.note() == null ? null : d.note().updated(), d.note() != null && d.note().isPrivate(), version);
    }
}
