package org.painsearch.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The loopback load test (bench/load.sh): CLIENTS clients for SECONDS against a running painsearch, each mixing
 * searches, note creates, versioned edits of its own notes and bookmark adds. Afterwards every note and bookmark a
 * client was told was saved is read back. Prints requests per second and latency percentiles per kind, and fails
 * (exit 1) on any 5xx, any lost or crossed edit, any lost bookmark.
 * Usage: LoadDriver BASE_URL [SECONDS=60] [CLIENTS=8]
 */
public final class LoadDriver {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> QUERIES = List.of("central sensitization", "massage endorphins", "crps",
            "why does pain come back after a massage", "gate control", "sleep and pain", "type:podcast touch",
            "tag:chronic-pain", "year:2010..2020 pain", "trigger points", "pins and needles", "\"graded exposure\"",
            "placebo -sleep", "nociception OR nociceptor", "fear of movement");

    /** One request's kind, status and time. */
    record Sample(String kind, int status, long micros) {
    }

    /** What one client was told was saved: its notes' last acknowledged bodies, and its bookmark targets. */
    record Acknowledged(Map<String, String> notes, List<String> bookmarks) {
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final AtomicInteger transportErrors = new AtomicInteger();

    private LoadDriver(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        System.exit(new LoadDriver(base).run(seconds, clients) ? 0 : 1);
    }

    private boolean run(int seconds, int clients) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        var acknowledged = new ConcurrentHashMap<Integer, Acknowledged>();
        var threads = new ArrayList<Thread>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Thread.ofPlatform().name("load-client-" + c).start(() ->
                    acknowledged.put(client, client(client, until))));
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        return report(elapsed, clients) & verify(acknowledged);
    }

    // One client's loop: a search most of the time, else a create, an edit of one of its notes, or a bookmark.
    private Acknowledged client(int client, long until) {
        var random = new Random(client);
        var notes = new java.util.LinkedHashMap<String, String>();
        var versions = new java.util.HashMap<String, String>();
        var bookmarks = new ArrayList<String>();
        int n = 0;
        while (System.nanoTime() < until) {
            n++;
            int pick = random.nextInt(100);
            try {
                if (pick < 60) {
                    String q = QUERIES.get(random.nextInt(QUERIES.size()));
                    call("search", "GET", "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null);
                } else if (pick < 75 || pick < 90 && notes.isEmpty()) {
                    String body = "client " + client + " note " + n + ": neck and shoulder, session " + n + ".";
                    var r = call("create", "POST", "/api/notes", JSON.writeValueAsString(Map.of(
                            "title", "Load client " + client + " note " + n, "body", body, "isPrivate", true)));
                    if (r != null && r.statusCode() == 201) {
                        JsonNode note = JSON.readTree(r.body());
                        notes.put(note.path("id").asString(), body);
                        versions.put(note.path("id").asString(), note.path("version").asString());
                    }
                } else if (pick < 90) {
                    var ids = new ArrayList<>(notes.keySet());
                    String id = ids.get(random.nextInt(ids.size()));
                    String body = "client " + client + " edit " + n + " of " + id + ": slow stroking, less guarding.";
                    var r = call("edit", "PUT", "/api/notes/" + id, JSON.writeValueAsString(Map.of(
                            "title", "Load client " + client + " " + id, "body", body, "isPrivate", true)),
                            "If-Match", versions.get(id));
                    if (r != null && r.statusCode() == 200) {
                        notes.put(id, body);
                        versions.put(id, JSON.readTree(r.body()).path("version").asString());
                    }
                } else {
                    String target = "search:q=load-client-" + client + "-" + n;
                    var r = call("bookmark", "POST", "/api/bookmarks", JSON.writeValueAsString(Map.of(
                            "target", target, "label", "client " + client)));
                    if (r != null && r.statusCode() == 201) {
                        bookmarks.add(target);
                    }
                }
            } catch (Exception e) {
                transportErrors.incrementAndGet();
            }
        }
        return new Acknowledged(notes, bookmarks);
    }

    private HttpResponse<String> call(String kind, String method, String path, String json, String... headers) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        long t = System.nanoTime();
        try {
            var r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            samples.add(new Sample(kind, r.statusCode(), (System.nanoTime() - t) / 1000));
            return r;
        } catch (Exception e) {
            transportErrors.incrementAndGet();
            return null;
        }
    }

    private boolean report(double seconds, int clients) {
        var all = new ArrayList<>(samples);
        long fiveHundreds = all.stream().filter(s -> s.status() >= 500).count();
        long otherFailures = all.stream().filter(s -> s.status() >= 400 && s.status() < 500).count();
        System.out.printf(Locale.ROOT, "%d clients, %.1f s: %d requests, %.1f req/s; 5xx: %d; other non-2xx: %d; "
                + "transport errors: %d%n", clients, seconds, all.size(), all.size() / seconds, fiveHundreds,
                otherFailures, transportErrors.get());
        for (String kind : List.of("all", "search", "create", "edit", "bookmark")) {
            long[] micros = all.stream().filter(s -> kind.equals("all") || s.kind().equals(kind))
                    .mapToLong(Sample::micros).sorted().toArray();
            if (micros.length > 0) {
                System.out.printf(Locale.ROOT, "  %-8s n=%-6d p50=%6.1f ms  p99=%7.1f ms  max=%7.1f ms%n", kind,
                        micros.length, percentile(micros, 50), percentile(micros, 99), micros[micros.length - 1] / 1000.0);
            }
        }
        return fiveHundreds == 0 && otherFailures == 0 && transportErrors.get() == 0;
    }

    private static double percentile(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000.0;
    }

    // Reads back every acknowledged note and bookmark: a lost edit is an older body, a crossed one another client's.
    private boolean verify(Map<Integer, Acknowledged> acknowledged) throws Exception {
        int notes = 0;
        int lost = 0;
        int crossed = 0;
        for (var e : acknowledged.entrySet()) {
            for (var note : e.getValue().notes().entrySet()) {
                notes++;
                var r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/notes/" + note.getKey())).build(),
                        HttpResponse.BodyHandlers.ofString());
                String body = r.statusCode() == 200 ? JSON.readTree(r.body()).path("body").asString().strip() : "";
                if (!body.startsWith("client " + e.getKey() + " ")) {
                    crossed += body.startsWith("client ") ? 1 : 0;
                    lost += body.startsWith("client ") ? 0 : 1;
                } else if (!body.equals(note.getValue())) {
                    lost++;
                }
            }
        }
        var stored = new java.util.HashSet<String>();
        for (JsonNode b : JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/bookmarks")).build(),
                HttpResponse.BodyHandlers.ofString()).body())) {
            stored.add(b.path("target").asString());
        }
        long bookmarks = acknowledged.values().stream().mapToLong(a -> a.bookmarks().size()).sum();
        long lostBookmarks = acknowledged.values().stream().flatMap(a -> a.bookmarks().stream())
                .filter(t -> !stored.contains(t)).count();
        System.out.printf("read back: %d notes (%d lost edits, %d crossed edits), %d bookmarks (%d lost)%n", notes,
                lost, crossed, bookmarks, lostBookmarks);
        return lost == 0 && crossed == 0 && lostBookmarks == 0;
    }
}
