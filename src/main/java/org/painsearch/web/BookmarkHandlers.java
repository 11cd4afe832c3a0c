package org.painsearch.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
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

    /** A bookmark as JSON, with its kind spelled out. */
    record BookmarkAnswer(String id, String target, String kind, String label, String created) {
        static BookmarkAnswer of(Bookmark b) {
            return new BookmarkAnswer(b.id(), b.target(), b.kind(), b.label(), b.created());
        }
    }

    void list(Context ctx) throws IOException {
        ctx.json(library.bookmarks().list().stream().map(BookmarkAnswer::of).toList());
    }

    void add(Context ctx) throws IOException {
        BookmarkBody body = JsonBody.read(ctx, BookmarkBody.class,
                "{\"target\": \"doc:<id>\" | \"note:<id>\" | \"search:<query>\", \"label\": \"...\"}");
        ctx.status(HttpStatus.CREATED).json(BookmarkAnswer.of(library.bookmarks().add(body.target(), body.label())));
    }

    void remove(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        if (!library.bookmarks().remove(id)) {
            throw new NotFoundResponse("no bookmark with id '" + id + "'");
        }
        ctx.status(HttpStatus.NO_CONTENT);
    }
}
