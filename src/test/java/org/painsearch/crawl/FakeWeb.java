package org.painsearch.crawl;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A little web on 127.0.0.1 for crawler tests: Javalin on port 0, each path answering as registered, static pages
 * with ETags (so recrawls get 304), and every request recorded with its arrival time and answer.
 */
public final class FakeWeb implements AutoCloseable {
    /** One request as the server saw it. */
    public record Hit(String path, long arrivedNanos, int status, String ifNoneMatch, String userAgent) {
    }

    /** Answers one request; may set status, headers and body on {@code ctx}. */
    @FunctionalInterface
    public interface Route {
        void answer(Context ctx, int visit) throws Exception;
    }

    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Map<String, Integer> visits = new ConcurrentHashMap<>();
    private final List<Hit> hits = Collections.synchronizedList(new ArrayList<>());
    private final Javalin app;

    public FakeWeb() {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = true;
            config.routes.get("/", this::dispatch);
            config.routes.get("/<path>", this::dispatch);
        }).start("127.0.0.1", 0);
    }

    private void dispatch(Context ctx) throws Exception {
        long arrived = System.nanoTime();
        String path = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        int visit = visits.merge(path, 1, Integer::sum);
        Route route = routes.get(path);
        try {
            if (route == null) {
                ctx.status(404).contentType("text/plain").result("not found");
            } else {
                route.answer(ctx, visit);
            }
        } finally {
            hits.add(new Hit(path, arrived, ctx.statusCode(), ctx.header("If-None-Match"), ctx.header("User-Agent")));
        }
    }

    /** The address of {@code path} on this server. */
    public String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    public String origin() {
        return "http://127.0.0.1:" + app.port();
    }

    public FakeWeb route(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    /** A static answer with an ETag; a request sending that ETag back gets 304. */
    public FakeWeb page(String path, String contentType, byte[] body) {
        String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
        return route(path, (ctx, visit) -> {
            if (etag.equals(ctx.header("If-None-Match"))) {
                ctx.status(304).header("ETag", etag);
                return;
            }
            ctx.status(200).header("ETag", etag).contentType(contentType).result(body);
        });
    }

    public FakeWeb page(String path, String contentType, String body) {
        return page(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public FakeWeb html(String path, String html) {
        return page(path, "text/html; charset=utf-8", html);
    }

    public FakeWeb redirect(String from, int status, String to) {
        return route(from, (ctx, visit) -> ctx.status(status).header("Location", to));
    }

    /** Every request so far, in arrival order. */
    public List<Hit> hits() {
        synchronized (hits) {
            return hits.stream().sorted(java.util.Comparator.comparingLong(Hit::arrivedNanos)).toList();
        }
    }

    /** The paths requested so far, in arrival order. */
    public List<String> paths() {
        return hits().stream().map(Hit::path).toList();
    }

    public void clearHits() {
        hits.clear();
    }

    @Override
    public void close() {
        app.stop();
    }
}
