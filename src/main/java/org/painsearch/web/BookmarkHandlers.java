package org.painsearch.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.painsearch.app.Library;
import org.painsearch.notes.Bookmark;

/** Bookmarks over HTTP: list, add, remove. */
final class BookmarkHandlers {
    private final Library library;

    BookmarkHandlers(Library library) {
        this.library = library;
    }

    /** The body of an add: what to bookmark and an optional label. */
    record BookmarkBody(String target, String label) {
    }

    /**
     * A bookmark as JSON, with its kind spelled out and, for a document or note that exists, its title (what the
     * page shows, never the raw id).
     */
    record BookmarkAnswer(String id, String target, String kind, String label, String created, String title) {
    }

    void list(Context ctx) throws IOException {
        ctx.json(answers(library.bookmarks().list()));
    }

    void add(Context ctx) throws IOException {
        BookmarkBody body = JsonBody.read(ctx, BookmarkBody.class,
                "{\"target\": \"doc:<id>\" | \"note:<id>\" | \"search:<query>\", \"label\": \"...\"}");
        Bookmark added = library.bookmarks().add(body.target(), body.label());
        ctx.status(HttpStatus.CREATED).json(answers(List.of(added)).get(0));
    }

    private List<BookmarkAnswer> answers(List<Bookmark> bookmarks) throws IOException {
        var refs = library.engine().refs(bookmarks.stream().map(Bookmark::documentId).filter(Objects::nonNull).toList());
        return bookmarks.stream().map(b -> {
            var ref = b.documentId() == null ? null : refs.get(b.documentId());
            return new BookmarkAnswer(b.id(), b.target(), b.kind(), b.label(), b.created(), ref == null ? null : ref.title());
        }).toList();
    }

    void remove(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        if (!library.bookmarks().remove(id)) {
            throw new NotFoundResponse("no bookmark with id '" + id + "'");
        }
        ctx.status(HttpStatus.NO_CONTENT);
    }
}
