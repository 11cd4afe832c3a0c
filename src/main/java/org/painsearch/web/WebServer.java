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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/** Builds the painsearch web app, unstarted: the JSON API, the search page, and error mapping at the edge. */
public final class WebServer {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private WebServer() {
    }

    /** The app over {@code library}; start it with {@code start(host, port)}. */
    public static Javalin create(Library library) {
        return create(library, false);
    }

    /** The app; {@code allowPrivate} lets "add a source" crawl loopback and private addresses. */
    public static Javalin create(Library library, boolean allowPrivate) {
        var api = new ApiHandlers(library);
        var sources = new SourceHandlers(library, allowPrivate);
        var mapper = JsonMapper.builder()
                .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
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
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "no-referrer");
                ctx.header("Content-Security-Policy",
                        "default-src 'self'; img-src 'self' data:; media-src *; frame-ancestors 'none'");
            });
            config.routes.before("/api/*", CrossOriginGuard::check);
            config.routes.get("/health", api::health);
            config.routes.get("/api/search", api::search);
            config.routes.get("/api/docs/{id}", api::document);
            config.routes.post("/api/reindex", api::reindex);
            config.routes.post("/api/import", api::importPaths);
            sources.register(config);

            config.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
            config.routes.exception(BadRequestResponse.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
            config.routes.exception(NotFoundResponse.class, (e, ctx) -> error(ctx, HttpStatus.NOT_FOUND, e.getMessage()));
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
