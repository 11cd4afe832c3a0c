package org.painsearch.bench;

import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson3;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP baseline, run as a child JVM: a bare Javalin 7 app (virtual threads, Jackson 3, as painsearch's server)
 * serving {@link BareSearch} at {@code /api/search?q=} and the index's entry count at {@code /health}, as painsearch's.
 * Usage: {@code BareServer INDEX}; prints its address once it listens on a free port of 127.0.0.1.
 */
public final class BareServer {
    private BareServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: BareServer INDEX");
            System.exit(2);
        }
        var search = new BareSearch(Path.of(args[0]));
        var app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = true;
            config.jsonMapper(new JavalinJackson3(JsonMapper.builder().build(), false));
            config.routes.get("/health", ctx -> ctx.json(Map.of("status", "ok", "indexedEntries", search.entries())));
            config.routes.get("/api/search", ctx -> ctx.json(search.search(String.valueOf(ctx.queryParam("q")))));
            config.routes.exception(IllegalArgumentException.class, (e, ctx) ->
                    ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", String.valueOf(e.getMessage()))));
        });
        app.start("127.0.0.1", 0);
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "bare-server-shutdown"));
        System.out.println("bare server at http://127.0.0.1:" + app.port());
    }
}
