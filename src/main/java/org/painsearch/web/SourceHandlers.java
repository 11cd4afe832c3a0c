package org.painsearch.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.painsearch.app.CrawlJobs;
import org.painsearch.app.Library;
import org.painsearch.crawl.CrawlConfig;

/**
 * The crawl endpoints: {@code POST /api/sources} starts a background crawl of an address, {@code GET
 * /api/sources/jobs/{id}} reports it per address, and {@code POST /api/corpus/changed} indexes corpus files that a
 * crawl in another process wrote.
 */
final class SourceHandlers {
    // The longest a client may ask GET /api/sources/jobs/{id}?wait= to hold the answer until the job ends.
    private static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final Library library;
    private final CrawlJobs jobs;
    private final FileAccess fileAccess;

    SourceHandlers(Library library, boolean allowPrivate, FileAccess fileAccess) {
        this.library = library;
        this.fileAccess = fileAccess;
        this.jobs = new CrawlJobs(library, CrawlConfig.defaults().withAllowPrivate(allowPrivate));
    }

    /** Adds the routes, and stops running crawls when the server stops. */
    void register(JavalinConfig config) {
        config.routes.post("/api/sources", this::add);
        config.routes.get("/api/sources/jobs/{id}", this::job);
        config.routes.post("/api/corpus/changed", this::changed);
        config.events.serverStopping(jobs::close);
    }

    /** The body of {@code POST /api/sources}. */
    record AddRequest(String url) {
    }

    void add(Context ctx) {
        AddRequest body = JsonBody.read(ctx, AddRequest.class, "{\"url\": \"https://...\"}");
        if (body.url() == null || body.url().isBlank()) {
            throw new IllegalArgumentException("give the address to crawl as {\"url\": \"https://...\"}");
        }
        ctx.status(HttpStatus.ACCEPTED).json(jobs.start(body.url()));
    }

    void job(Context ctx) throws InterruptedException {
        String id = ctx.pathParam("id");
        String wait = ctx.queryParam("wait");
        var view = wait == null ? jobs.find(id) : jobs.await(id, waitFor(wait));
        ctx.json(view.orElseThrow(() -> new NotFoundResponse("no crawl job with id '" + id + "'")));
    }

    /** The body of {@code POST /api/corpus/changed}: corpus files written outside the server. */
    record ChangedRequest(List<String> paths) {
    }

    void changed(Context ctx) throws IOException {
        ChangedRequest body = JsonBody.read(ctx, ChangedRequest.class, "{\"paths\": [\"/abs/corpus/articles/x.md\"]}");
        if (body.paths() == null || body.paths().isEmpty()) {
            throw new IllegalArgumentException("give the corpus files to index as {\"paths\": [\"/abs/corpus/file.md\"]}");
        }
        var files = new ArrayList<Path>();
        for (String p : body.paths()) {
            files.add(fileAccess.documentFile(p));
        }
        var indexed = new ArrayList<String>();
        var problems = new ArrayList<String>();
        long last = org.painsearch.app.Library.NOTHING_WRITTEN;
        for (Path file : files) {
            try {
                last = Math.max(last, library.syncFile(file));
                if (java.nio.file.Files.exists(file)) {
                    indexed.add(file.getFileName().toString().replaceFirst("\\.md$", ""));
                }
            } catch (IOException e) {
                problems.add(e.getMessage());
            }
        }
        // The caller hands over files one at a time and may search right after: each answer waits until searchable.
        library.engine().awaitVisible(last);
        ctx.json(Map.of("indexed", indexed, "problems", problems));
    }

    private static Duration waitFor(String seconds) {
        try {
            double s = Double.parseDouble(seconds);
            if (!(s >= 0)) {
                throw new NumberFormatException();
            }
            Duration d = Duration.ofMillis((long) (s * 1000));
            return d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("wait must be a number of seconds (got: " + seconds + ")");
        }
    }
}
