package org.painsearch.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson3;
import org.painsearch.app.Library;
import org.painsearch.corpus.CorpusException;
import org.painsearch.notes.NoteException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/** Builds the painsearch web app, unstarted: the JSON API, the search page, and error mapping at the edge. */
public final class WebServer {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private WebServer() {
    }

    // Names a browser may use for this machine; any other Host is refused (see CrossOriginGuard.checkHost).
    private static final Set<String> LOCAL_NAMES = Set.of("localhost", "127.0.0.1", "::1", "0:0:0:0:0:0:0:1");

    /** The app over {@code library}, answering only to local names; start it with {@code start(host, port)}. */
    public static Javalin create(Library library) {
        return create(library, Set.of(), false);
    }

    /**
     * The app answering to local names and {@code extraHosts} (the address it is served on, when not local);
     * {@code allowPrivate} lets "add a source" crawl loopback and private addresses.
     */
    public static Javalin create(Library library, Set<String> extraHosts, boolean allowPrivate) {
        var allowedHosts = new java.util.HashSet<>(LOCAL_NAMES);
        extraHosts.forEach(h -> allowedHosts.add(h.toLowerCase(java.util.Locale.ROOT).replace("[", "").replace("]", "")));
        var api = new ApiHandlers(library);
        var notes = new NoteHandlers(library);
        var bookmarks = new BookmarkHandlers(library);
        var sources = new SourceHandlers(library, allowPrivate);
        var mapper = JsonMapper.builder()
                .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
                .addMixIn(org.painsearch.search.SearchResponse.class, FacetJson.SearchResponseFacets.class)
                .build();
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = true;
            config.jsonMapper(new JavalinJackson3(mapper, false));
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
            });
            config.routes.before(ctx -> {
                CrossOriginGuard.checkHost(ctx, allowedHosts);
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "no-referrer");
                ctx.header("Content-Security-Policy",
                        "default-src 'self'; img-src 'self' data:; media-src *; frame-ancestors 'none'");
            });
            config.routes.before("/api/*", CrossOriginGuard::check);
            // Browsers and tools ask for /favicon.ico; the icon is an SVG (text, not a binary in the repository).
            config.routes.get("/favicon.ico", ctx -> ctx.redirect("/favicon.svg", HttpStatus.MOVED_PERMANENTLY));
            config.routes.get("/health", api::health);
            config.routes.get("/api/search", api::search);
            config.routes.get("/api/docs/{id}", api::document);
            config.routes.get("/api/docs/{id}/related", api::related);
            config.routes.get("/api/suggest", api::suggest);
            config.routes.post("/api/reindex", api::reindex);
            config.routes.post("/api/import", api::importPaths);
            config.routes.get("/api/notes", notes::list);
            config.routes.post("/api/notes", notes::create);
            config.routes.get("/api/notes/{id}", notes::get);
            config.routes.put("/api/notes/{id}", notes::update);
            config.routes.delete("/api/notes/{id}", notes::delete);
            config.routes.post("/api/notes/{id}/restore", notes::restore);
            config.routes.get("/api/notes/{id}/mentions", notes::mentions);
            config.routes.get("/api/suggest/links", notes::suggest);
            config.routes.get("/api/graph", notes::graph);
            config.routes.post("/api/preview", notes::preview);
            config.routes.get("/api/bookmarks", bookmarks::list);
            config.routes.post("/api/bookmarks", bookmarks::add);
            config.routes.delete("/api/bookmarks/{id}", bookmarks::remove);
            sources.register(config);

            config.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
            config.routes.exception(BadRequestResponse.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
            config.routes.exception(NotFoundResponse.class, (e, ctx) -> error(ctx, HttpStatus.NOT_FOUND, e.getMessage()));
            config.routes.exception(tools.jackson.core.JacksonException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST,
                    "the request body is not the JSON expected: " + e.getOriginalMessage()));
            config.routes.exception(NoteException.NotFound.class, (e, ctx) -> error(ctx, HttpStatus.NOT_FOUND, e.getMessage()));
            config.routes.exception(CorpusException.class, (e, ctx) -> error(ctx, HttpStatus.UNPROCESSABLE_CONTENT,
                    "the file cannot be read: " + e.getMessage()));
            config.routes.exception(CrossOriginGuard.Refused.class, (e, ctx) -> error(ctx, HttpStatus.FORBIDDEN, e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "painsearch hit an internal error; the server log has the details");
            });
            config.routes.error(HttpStatus.NOT_FOUND, ctx -> {
                if (ctx.path().startsWith("/api/") && ctx.result() == null) {
                    error(ctx, HttpStatus.NOT_FOUND, "no such endpoint: " + ctx.method() + " " + ctx.path());
                }
            });
            config.routes.error(HttpStatus.METHOD_NOT_ALLOWED, ctx ->
                    error(ctx, HttpStatus.METHOD_NOT_ALLOWED, ctx.method() + " is not allowed on " + ctx.path()));
        });
    }

    static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).json(new ApiError(message == null || message.isBlank() ? status.getMessage() : message));
    }
}
