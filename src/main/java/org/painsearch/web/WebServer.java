package org.painsearch.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson3;
import io.javalin.plugin.bundled.RateLimitPlugin;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.painsearch.app.Library;
import tools.jackson.databind.json.JsonMapper;

/** Builds the painsearch web app, unstarted: the JSON API, the search page, access control and error mapping. */
public final class WebServer {
    // Names a browser may use for this machine; any other Host is refused (see CrossOriginGuard.checkHost).
    private static final Set<String> LOCAL_NAMES = Set.of("localhost", "127.0.0.1", "::1", "0:0:0:0:0:0:0:1");
    /** The largest request body accepted: a note of a million characters fits, escaped. */
    public static final long MAX_BODY_BYTES = 8L * 1024 * 1024;
    private static final String CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    private WebServer() {
    }

    /** The app over {@code library}, answering only to local names; start it with {@code start(host, port)}. */
    public static Javalin create(Library library) {
        return create(library, WebOptions.local());
    }

    /**
     * The app answering to local names and {@code extraHosts} (the address it is served on, when not local);
     * {@code allowPrivate} lets "add a source" crawl loopback and private addresses.
     */
    public static Javalin create(Library library, Set<String> extraHosts, boolean allowPrivate) {
        return create(library, new WebOptions(extraHosts, allowPrivate, null, null, java.util.List.of()));
    }

    /** The app as {@code options} say: password, command line token, import roots, hosts. */
    public static Javalin create(Library library, WebOptions options) {
        // Jetty asks the platform MBean server how many references fill a cache line (to pad a queue), which starts
        // all of JMX, a noticeable part of a start. With compressed references (the JVM's default below 32 GB of
        // heap) it is 16 in a 64-byte line; the property, Jetty's own, answers without asking.
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(REFERENCES_PER_CACHE_LINE, "16");
        }
        var allowedHosts = new HashSet<>(LOCAL_NAMES);
        allowedHosts.addAll(options.extraHosts());
        var access = new Access(options, Set.copyOf(allowedHosts), Clock.systemUTC());
        var files = new FileAccess(library.corpus(), options.importRoots());
        var api = new ApiHandlers(library, files);
        var notes = new NoteHandlers(library);
        var bookmarks = new BookmarkHandlers(library);
        var sources = new SourceHandlers(library, options.allowPrivate(), files);
        var mapper = JsonMapper.builder()
                .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
                .addMixIn(org.painsearch.engine.SearchResponse.class, FacetJson.SearchResponseFacets.class)
                .build();
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.jsonMapper(new JavalinJackson3(mapper, false));
            config.registerPlugin(new RateLimitPlugin(limits -> { }));
            config.staticFiles.add(staticFiles -> {
                staticFiles.hostedPath = "/";
                staticFiles.directory = "/public";
                staticFiles.location = Location.CLASSPATH;
            });
            config.routes.before(WebServer::headers);
            config.routes.before(access::check);
            config.routes.before("/api/*", CrossOriginGuard::check);
            // Browsers and tools ask for /favicon.ico; the icon is an SVG (text, not a binary in the repository).
            config.routes.get("/favicon.ico", ctx -> ctx.redirect("/favicon.svg", HttpStatus.MOVED_PERMANENTLY));
            config.routes.get("/health", api::health);
            config.routes.post("/api/login", access::login);
            config.routes.post("/api/logout", access::logout);
            config.routes.get("/api/session", access::session);
            config.routes.get("/api/status", api::status);
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
            ErrorAnswers.register(config, MAX_BODY_BYTES);
        });
    }

    // Every answer: no sniffing, no referrer, no framing, a strict CSP; API answers hold private notes, so no caching.
    private static void headers(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", CSP);
        if (ctx.path().startsWith("/api/") || ctx.path().equals("/health")) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    static void error(Context ctx, HttpStatus status, String message) {
        ErrorAnswers.error(ctx, status, message);
    }
}
