package org.painsearch.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.painsearch.app.Library;
import org.painsearch.ingest.ImportOutcome;
import org.painsearch.engine.DocumentView;
import org.painsearch.engine.Links;
import org.painsearch.engine.RankingMode;
import org.painsearch.engine.SearchRequest;
import org.painsearch.engine.SortOrder;

/** The JSON endpoints: typed parameters in, one library call, JSON out. */
final class ApiHandlers {
    // The longest query text accepted, in characters: longer is a pasted page, not a search.
    static final int MAX_QUERY_CHARS = 1000;

    private final Library library;
    private final FileAccess files;

    ApiHandlers(Library library, FileAccess files) {
        this.library = library;
        this.files = files;
    }

    void health(Context ctx) throws IOException {
        int docs = library.engine().documentCount();
        ctx.json(Map.of("status", "ok", "indexedEntries", docs));
    }

    /** Work running in the background (bringing the index in step), each with done and total, for the page. */
    void status(Context ctx) {
        ctx.json(Map.of("tasks", library.tasks().running()));
    }

    void search(Context ctx) throws IOException {
        String q = ctx.queryParam("q");
        if (q != null && q.length() > MAX_QUERY_CHARS) {
            throw new IllegalArgumentException("the query is too long (" + q.length() + " characters; at most "
                    + MAX_QUERY_CHARS + "); search with fewer words");
        }
        var req = new SearchRequest(q, multi(ctx, "type"), multi(ctx, "tag"), ctx.queryParams("source"),
                ctx.queryParam("year"),
                SortOrder.parse(ctx.queryParam("sort")), intParam(ctx, "page", 1), intParam(ctx, "size", 10),
                RankingMode.parse(ctx.queryParam("mode"), null), "true".equalsIgnoreCase(ctx.queryParam("explain")));
        ctx.json(library.engine().search(req));
    }

    /**
     * A document with its Markdown rendered to safe HTML, and, when asked with {@code ?q=}, the words of it that
     * query matched (for marking them on the page).
     */
    record DocumentAnswer(DocumentView document, String html, List<String> marks) {
    }

    void document(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        DocumentView view = library.engine().document(id)
                .orElseThrow(() -> new NotFoundResponse("no document with id '" + id + "'"));
        String q = ctx.queryParam("q");
        ctx.json(new DocumentAnswer(view, MarkdownView.toHtml(view.markdown(), resolvedLinks(view)),
                q == null || q.isBlank() ? null : library.engine().marks(id, q)));
    }

    static java.util.Map<String, Links.Ref> resolvedLinks(DocumentView view) {
        var map = new java.util.HashMap<String, Links.Ref>();
        view.links().stream().filter(DocumentView.LinkView::resolved).forEach(l -> map.putIfAbsent(l.target(),
                new Links.Ref(l.id(), l.title(), l.type(), List.of())));
        return map;
    }

    void suggest(Context ctx) throws IOException {
        int n = Math.min(20, intParam(ctx, "n", 8));
        ctx.json(Map.of("suggestions", library.engine().suggest(ctx.queryParam("q"), Math.max(1, n))));
    }

    void related(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        if (library.engine().document(id).isEmpty()) {
            throw new NotFoundResponse("no document with id '" + id + "'");
        }
        ctx.json(Map.of("related", library.engine().related(id, Math.min(20, Math.max(1, intParam(ctx, "n", 6))))));
    }

    void reindex(Context ctx) throws IOException {
        var report = library.rebuild(Library.Progress.NONE);
        ctx.json(Map.of("indexed", report.indexed(), "millis", report.millis(),
                "problems", report.problems().stream().map(Throwable::getMessage).toList()));
    }

    /** The body of {@code POST /api/import}: absolute paths of files or folders on this machine. */
    record ImportRequest(List<String> paths) {
    }

    /** One file's outcome as JSON. */
    record OutcomeView(String source, String status, String id, String reason) {
    }

    void importPaths(Context ctx) throws IOException {
        ImportRequest body = JsonBody.read(ctx, ImportRequest.class, "{\"paths\": [\"/abs/path\", ...]}");
        if (body.paths() == null || body.paths().isEmpty()) {
            throw new IllegalArgumentException("give the files or folders to import as {\"paths\": [\"/abs/path\", ...]}");
        }
        boolean owner = Access.caller(ctx) == Access.Caller.COMMAND_LINE;
        var paths = new ArrayList<Path>();
        for (String p : body.paths()) {
            paths.add(files.importable(p, owner));
        }
        var outcomes = library.importPaths(paths, o -> { });
        ctx.json(Map.of("outcomes", outcomes.stream().map(ApiHandlers::view).toList()));
    }

    static OutcomeView view(ImportOutcome o) {
        return switch (o) {
            case ImportOutcome.Imported i -> new OutcomeView(o.source().toString(), i.updated() ? "updated" : "imported",
                    i.document().id(), null);
            case ImportOutcome.Skipped s -> new OutcomeView(o.source().toString(), "skipped", null, s.reason());
            case ImportOutcome.Failed f -> new OutcomeView(o.source().toString(), "failed", null, f.reason());
        };
    }

    private static List<String> multi(Context ctx, String name) {
        return ctx.queryParams(name).stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                .filter(v -> !v.isEmpty()).toList();
    }

    private static int intParam(Context ctx, String name, int fallback) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number (got: " + v + ")");
        }
    }
}
