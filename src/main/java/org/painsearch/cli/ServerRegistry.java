package org.painsearch.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.painsearch.corpus.AtomicFiles;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records which server owns an index, so reindex and import can hand their work to it instead of failing
 * on the index lock.
 */
final class ServerRegistry {
    static final String FILE_NAME = "painsearch-server.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    // Made on first use: a client sets up TLS and a selector thread, which the server registering itself never needs.
    private static final class Client {
        static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    private ServerRegistry() {
    }

    /**
     * A running server: its address, process id and the token that proves a caller runs as its owner (this file is
     * readable by its owner only, in an owner-only folder).
     */
    record Server(String url, long pid, String token) {
        String describe() {
            return "the painsearch server at " + url + " (pid " + pid + ")";
        }
    }

    static void register(Path indexDir, String url, String token) throws IOException {
        String json = JSON.writeValueAsString(Map.of("url", url, "pid", ProcessHandle.current().pid(), "token", token));
        AtomicFiles.write(indexDir.resolve(FILE_NAME), json.getBytes(StandardCharsets.UTF_8));
    }

    static void unregister(Path indexDir) {
        try {
            Files.deleteIfExists(indexDir.resolve(FILE_NAME));
        } catch (IOException e) {
            // A stale file is harmless: readers check that the server answers.
        }
    }

    /** The server registered for this index, if its file exists and it answers its health check. */
    static Optional<Server> find(Path indexDir) {
        Path file = indexDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(Files.readString(file));
            var server = new Server(node.path("url").asString(), node.path("pid").asLong(), node.path("token").asString(null));
            var health = HttpRequest.newBuilder(URI.create(server.url() + "/health")).timeout(Duration.ofSeconds(3)).build();
            int status = Client.HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? Optional.of(server) : Optional.empty();
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Posts JSON to the server and returns the answer's JSON; a non-2xx answer becomes an IOException with its error. */
    static JsonNode post(Server server, String path, Object body) throws IOException {
        var builder = HttpRequest.newBuilder(URI.create(server.url() + path))
                .timeout(Duration.ofMinutes(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (server.token() != null) {
            builder.header("Authorization", "Bearer " + server.token());
        }
        var request = builder.build();
        try {
            var response = Client.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode answer;
            try {
                answer = JSON.readTree(response.body());
            } catch (JacksonException e) {
                throw new IOException(server.describe() + " answered HTTP " + response.statusCode() + " without JSON");
            }
            if (response.statusCode() / 100 != 2) {
                throw new IOException(server.describe() + " refused: " + answer.path("error").asString());
            }
            return answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + server.describe());
        }
    }
}
