package org.painsearch.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.painsearch.app.Library;
import org.painsearch.corpus.CorpusException;
import org.painsearch.notes.Note;
import org.painsearch.notes.NoteDraft;
import org.painsearch.notes.NoteException;
import org.painsearch.engine.DocumentView;

/** Notes over HTTP: create, read, versioned update, delete to the trash, restore, and the writing aids. */
final class NoteHandlers {
    private final Library library;

    NoteHandlers(Library library) {
        this.library = library;
    }

    /** The body of a create or update. */
    record NoteBody(String title, String body, List<String> tags, Boolean isPrivate) {
        NoteDraft draft() {
            return new NoteDraft(title, body, tags, Boolean.TRUE.equals(isPrivate));
        }
    }

    /** A note with its version, its links (resolved or not), its backlinks and its body as safe HTML. */
    record NoteAnswer(String id, String version, String title, String body, List<String> tags, String created,
                      String updated, boolean isPrivate, List<DocumentView.LinkView> links,
                      List<DocumentView.Backlink> backlinks, String html) {
    }

    /** A 409 answer: what went wrong, the note as it is now, and where the refused text was kept. */
    record ConflictAnswer(String error, NoteAnswer current, String keptAt) {
    }

    void list(Context ctx) throws IOException {
        ctx.json(library.notes().list().stream().map(n -> Map.of("id", n.id(), "title", n.title(),
                "tags", n.tags(), "updated", n.updated() == null ? "" : n.updated(), "isPrivate", n.isPrivate())).toList());
    }

    void create(Context ctx) throws IOException {
        Note note = library.createNote(body(ctx).draft());
        ctx.status(HttpStatus.CREATED).header("Location", "/api/notes/" + note.id()).header("ETag", quoted(note.version()));
        ctx.json(answer(note));
    }

    void get(Context ctx) throws IOException, CorpusException {
        String id = ctx.pathParam("id");
        Note note = library.notes().get(id).orElseThrow(() -> new NotFoundResponse("no note with id '" + id + "'"));
        ctx.header("ETag", quoted(note.version())).json(answer(note));
    }

    void update(Context ctx) throws IOException, NoteException {
        String base = ctx.header("If-Match");
        if (base == null || base.isBlank()) {
            WebServer.error(ctx, HttpStatus.PRECONDITION_REQUIRED,
                    "say which version you edited: send the note's version in an If-Match header");
            return;
        }
        String id = ctx.pathParam("id");
        try {
            Note note = library.updateNote(id, unquote(base), body(ctx).draft());
            ctx.header("ETag", quoted(note.version())).json(answer(note));
        } catch (NoteException.Conflict e) {
            ctx.status(HttpStatus.CONFLICT).json(new ConflictAnswer(e.getMessage(), answer(e.current()), e.keptAt()));
        }
    }

    void delete(Context ctx) throws IOException, NoteException {
        library.deleteNote(ctx.pathParam("id"));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    void restore(Context ctx) throws IOException, NoteException {
        ctx.json(answer(library.restoreNote(ctx.pathParam("id"))));
    }

    void mentions(Context ctx) throws IOException {
        ctx.json(library.engine().unlinkedMentions(ctx.pathParam("id"), 10));
    }

    void suggest(Context ctx) throws IOException {
        ctx.json(library.engine().suggestLinks(ctx.queryParam("q"), 8));
    }

    void graph(Context ctx) throws IOException {
        ctx.json(library.engine().graph(ctx.queryParam("tag")));
    }

    /** The body of a preview: Markdown to render. */
    record PreviewBody(String markdown) {
    }

    void preview(Context ctx) throws IOException {
        PreviewBody body = JsonBody.read(ctx, PreviewBody.class, "{\"markdown\": \"...\"}");
        String markdown = body.markdown() == null ? "" : body.markdown();
        ctx.json(Map.of("html", MarkdownView.toHtml(markdown, library.engine().resolveLinks(markdown))));
    }

    private NoteAnswer answer(Note note) throws IOException {
        // The index knows the links; a note saved a moment ago is indexed already (saves index before answering).
        DocumentView view = library.engine().document(note.id()).orElse(null);
        var links = view == null ? List.<DocumentView.LinkView>of() : view.links();
        var backlinks = view == null ? List.<DocumentView.Backlink>of() : view.backlinks();
        String html = MarkdownView.toHtml(note.body(), view == null ? Map.of() : ApiHandlers.resolvedLinks(view));
        return new NoteAnswer(note.id(), note.version(), note.title(), note.body(), note.tags(), note.created(),
                note.updated(), note.isPrivate(), links, backlinks, html);
    }

    private static NoteBody body(Context ctx) {
        return JsonBody.read(ctx, NoteBody.class, "{\"title\": \"...\", \"body\": \"...\", \"tags\": [\"...\"]}");
    }

    private static String quoted(String version) {
        return "\"" + version + "\"";
    }

    private static String unquote(String header) {
        String v = header.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        return v.replace("\"", "");
    }
}
