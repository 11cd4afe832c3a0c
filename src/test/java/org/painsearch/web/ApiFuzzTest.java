package org.painsearch.web;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.Jsoup;
import org.painsearch.FuzzLibrary;
import org.painsearch.app.Library;

/**
 * Fuzzes the JSON API over real HTTP (every endpoint that takes input, except "add a source", which would reach
 * the network) and the Markdown renderer: no answer is a 5xx or names a Java type, and rendered HTML never carries
 * a script, an event handler or a javascript: address.
 */
public class ApiFuzzTest {
    private static final String[][] ENDPOINTS = {
            {"POST", "/api/notes"}, {"PUT", "/api/notes/note-glow"}, {"PUT", "/api/notes/"}, {"DELETE", "/api/notes/"},
            {"POST", "/api/preview"}, {"POST", "/api/bookmarks"}, {"DELETE", "/api/bookmarks/"}, {"POST", "/api/import"},
            {"POST", "/api/corpus/changed"}, {"POST", "/api/login"}, {"GET", "/api/search?q="}, {"GET", "/api/suggest?q="},
            {"GET", "/api/suggest/links?q="}, {"GET", "/api/docs/"}, {"GET", "/api/graph?tag="},
            {"GET", "/api/notes/"}, {"POST", "/api/notes/"}};

    // One server for the whole run: starting one per input would leave no time for fuzzing.
    private static final class Shared {
        static final Library LIBRARY = FuzzLibrary.open("api");
        static final Javalin APP = WebServer.create(LIBRARY).start("127.0.0.1", 0);
        static final String BASE = "http://127.0.0.1:" + APP.port();
        static final HttpClient HTTP = HttpClient.newHttpClient();
    }

    /** One input: Markdown to render, then one request built from the rest. */
    public static void target(FuzzedDataProvider data) {
        String html = MarkdownView.toHtml(data.consumeString(500), Map.of());
        checkSafe(html);
        String[] endpoint = ENDPOINTS[data.consumeInt(0, ENDPOINTS.length - 1)];
        String tail = data.consumeString(80);
        boolean open = endpoint[1].endsWith("=") || endpoint[1].endsWith("/");
        String path = endpoint[1] + (open ? URLEncoder.encode(tail, StandardCharsets.UTF_8) : "")
                + (endpoint[0].equals("POST") && endpoint[1].equals("/api/notes/") ? "/restore" : "");
        String body = data.consumeRemainingAsString();
        var request = HttpRequest.newBuilder(URI.create(Shared.BASE + path))
                .header("Content-Type", "application/json").header("If-Match", tail.isEmpty() ? "x" : "\"x\"")
                .method(endpoint[0], HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> answer;
        try {
            answer = send(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (answer.statusCode() >= 500) {
            throw new AssertionError(endpoint[0] + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        if (answer.statusCode() >= 400 && MalformedRequestTest.JAVA_NAMES.matcher(answer.body()).find()) {
            throw new AssertionError(endpoint[0] + " " + path + " named a Java type: " + answer.body());
        }
    }

    // A kept-alive connection the server closed for idleness just as it was reused fails with no answer at all;
    // that request never reached painsearch, so it is sent once more on a new connection.
    private static HttpResponse<String> send(HttpRequest request) throws InterruptedException {
        try {
            return Shared.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException first) {
            try {
                return Shared.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException again) {
                again.addSuppressed(first);
                throw new java.io.UncheckedIOException(again);
            }
        }
    }

    /** Rendered Markdown may hold only inert markup. */
    static void checkSafe(String html) {
        for (var element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            String tag = element.normalName();
            if (tag.equals("script") || tag.equals("style") || tag.equals("iframe") || tag.equals("object")
                    || tag.equals("svg") || tag.equals("img") || tag.equals("form")) {
                throw new AssertionError("rendered Markdown holds <" + tag + ">: " + html);
            }
            for (var attribute : element.attributes()) {
                String value = attribute.getValue().strip().toLowerCase(java.util.Locale.ROOT);
                if (attribute.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("on") || value.startsWith("javascript:")
                        || value.startsWith("data:") || value.startsWith("vbscript:")) {
                    throw new AssertionError("rendered Markdown holds " + attribute + ": " + html);
                }
            }
        }
    }

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"{\"title\":", "\"body\":", "\"tags\":[", "\"isPrivate\":", "\"markdown\":", "\"target\":",
            "\"doc:", "\"note:", "\"search:q=", "\"label\":", "\"paths\":[", "\"password\":", "null", "true", "\\u0000",
            "\\ud800", "[[", "]]", "<script>", "javascript:", "<img src=x onerror=", "[x](javascript:alert(1))",
            "<svg onload=", "](", "\"/", "/corpus/notes/", ".trash/notes/", "../"})
    void api(FuzzedDataProvider data) {
        target(data);
    }
}
