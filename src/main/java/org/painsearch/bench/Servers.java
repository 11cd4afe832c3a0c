package org.painsearch.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** Starts {@code painsearch serve} and the {@link BareServer} as child JVMs and times them to their first answer. */
final class Servers {
    private static final Pattern PAINSEARCH_URL = Pattern.compile("is ready at (http://\\S+)");
    private static final Pattern BARE_URL = Pattern.compile("bare server at (http://\\S+)");
    private static final Duration READY_LIMIT = Duration.ofMinutes(5);
    // A short query whose answer needs the whole search path: parsing, ranking, snippets.
    static final String FIRST_QUERY = "/api/search?q=crps";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Servers() {
    }

    /** A server child, its address, and the time from its start to its first search answer. */
    record Running(Child child, String url, Duration firstAnswer) implements AutoCloseable {
        /**
         * Waits until the server has finished the requests a load run left in flight (its CPU falls idle) and answers
         * {@code /health} again, so they do not slow the next run down.
         */
        void drain() throws IOException, InterruptedException {
            if (child.isAlive()) {
                child.awaitIdle(READY_LIMIT);
            }
            var request = HttpRequest.newBuilder(URI.create(url + "/health")).timeout(READY_LIMIT).build();
            int status;
            try {
                status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                throw new IOException("the server at " + url + " stopped answering after a load run"
                        + (child.isAlive() ? "" : " and ended" + child.logTail()), e);
            }
            if (status != 200) {
                throw new IOException("the server at " + url + " answered /health with " + status + " after a load run");
            }
        }

        @Override
        public void close() throws InterruptedException {
            child.close();
        }
    }

    /** {@code painsearch serve --ranking bm25 --port 0} on an existing index, run by {@code jvm}. */
    static Running painsearch(Bench bench, Child.Jvm jvm, Path index, String name)
            throws IOException, InterruptedException {
        return painsearch(bench, jvm, name, "--index", index.toString());
    }

    /** {@code painsearch serve --ranking bm25 --port 0} on the index {@code where} names (a folder or a cluster). */
    static Running painsearch(Bench bench, Child.Jvm jvm, String name, String... where)
            throws IOException, InterruptedException {
        var args = new java.util.ArrayList<>(List.of("serve", "--ranking", "bm25", "--port", "0", "--corpus",
                bench.corpus().toString()));
        args.addAll(List.of(where));
        var child = Child.start(jvm.painsearch(args.toArray(String[]::new)), bench.work().resolve(name + ".log"));
        return ready(child, PAINSEARCH_URL);
    }

    /** The bare Javalin server on the bare index, run by {@code jvm}. */
    static Running bare(Bench bench, Child.Jvm jvm, Path index, String name) throws IOException, InterruptedException {
        var child = Child.start(jvm.main(BareServer.class, index.toString()), bench.work().resolve(name + ".log"));
        return ready(child, BARE_URL);
    }

    private static Running ready(Child child, Pattern urlLine) throws IOException, InterruptedException {
        try {
            String url = child.awaitLine(urlLine, READY_LIMIT);
            var request = HttpRequest.newBuilder(URI.create(url + FIRST_QUERY)).timeout(Duration.ofSeconds(60)).build();
            long deadline = System.nanoTime() + READY_LIMIT.toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return new Running(child, url, child.age());
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                if (!child.isAlive()) {
                    throw new IOException("the server at " + url + " ended before it answered a search");
                }
                Thread.sleep(10);
            }
            throw new IOException("the server at " + url + " did not answer " + FIRST_QUERY + " within "
                    + READY_LIMIT.toMinutes() + " min");
        } catch (IOException | RuntimeException | InterruptedException e) {
            child.close();
            throw e;
        }
    }
}
