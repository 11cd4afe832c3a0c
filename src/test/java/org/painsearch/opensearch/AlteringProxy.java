package org.painsearch.opensearch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A loopback HTTP proxy in front of a real node that changes one JSON answer on its way back, so the connection
 * check can be shown a real cluster with another version or without the k-NN plugin; or that cuts every request
 * off, as a cluster that went away.
 */
final class AlteringProxy implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    // While set, every request is cut off unanswered, as by a node that went away.
    private volatile boolean down;
    private final java.util.concurrent.atomic.AtomicLong cut = new java.util.concurrent.atomic.AtomicLong();

    /** Forwards everything to {@code target}; answers to a path in {@code changes} go through that change first. */
    AlteringProxy(ClusterAddress target, Map<String, UnaryOperator<ObjectNode>> changes) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> forward(exchange, target, changes));
        server.start();
    }

    /** Cuts every request off unanswered from now on ({@code true}), or forwards them again. */
    void down(boolean cutOff) {
        down = cutOff;
    }

    /** How many requests were cut off so far. */
    long cutOff() {
        return cut.get();
    }

    ClusterAddress address() {
        return new ClusterAddress("http", "127.0.0.1", server.getAddress().getPort(), "");
    }

    private void forward(HttpExchange exchange, ClusterAddress target, Map<String, UnaryOperator<ObjectNode>> changes)
            throws IOException {
        try (exchange) {
            if (down) {
                cut.incrementAndGet();
                return; // closed without an answer
            }
            var uri = URI.create(target + exchange.getRequestURI().toString());
            byte[] body = exchange.getRequestBody().readAllBytes();
            var request = HttpRequest.newBuilder(uri)
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Content-Type", "application/json")
                    .build();
            HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            byte[] out = answer.body();
            var change = changes.get(exchange.getRequestURI().getPath());
            if (change != null) {
                JsonNode tree = JSON.readTree(out);
                out = JSON.writeValueAsString(change.apply((ObjectNode) tree)).getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(answer.statusCode(), out.length == 0 ? -1 : out.length);
            exchange.getResponseBody().write(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        http.close();
    }
}
