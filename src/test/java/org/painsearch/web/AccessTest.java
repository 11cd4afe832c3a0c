package org.painsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.TestCorpus;
import org.painsearch.app.Library;

/** Who may do what: a password locks everything but the login page; paths on this machine need loopback or a login. */
class AccessTest {
    private static final String PASSWORD = "correct horse battery";
    private static final String TOKEN = "t".repeat(43);

    @TempDir
    Path dir;
    Library library;
    Javalin app;
    ApiClient api;

    private void start(WebOptions options) throws Exception {
        library = TestCorpus.library(dir);
        app = WebServer.create(library, options).start("127.0.0.1", 0);
        api = new ApiClient("http://127.0.0.1:" + app.port());
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
        if (library != null) {
            library.close();
        }
    }

    private WebOptions locked() {
        return new WebOptions(java.util.Set.of("0.0.0.0"), false, Password.of(PASSWORD), TOKEN, List.of());
    }

    private String login(String password) throws Exception {
        var r = api.send("POST", "/api/login", ApiClient.JSON.writeValueAsString(Map.of("password", password)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return cookie.substring(0, cookie.indexOf(';'));
    }

    @Test
    void withAPasswordNothingIsReadWithoutLoggingIn() throws Exception {
        start(locked());
        for (String path : new String[] {"/api/notes", "/api/notes/note-glow", "/api/search?q=massage", "/api/docs/note-glow",
                "/api/bookmarks", "/api/graph", "/api/suggest?q=ma"}) {
            var r = api.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(ApiClient.json(r).path("error").asString()).contains("log in");
        }
        assertThat(api.send("POST", "/api/notes", "{\"title\": \"x\"}").statusCode()).isEqualTo(401);
        assertThat(api.send("POST", "/api/reindex", null).statusCode()).isEqualTo(401);
        // A client on the network naming this machine "localhost" (the old check's blind spot) gets nothing either.
        String answer = ApiClient.raw(app.port(), "GET /api/notes/note-glow HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 401").doesNotContain("endorphin");
        var page = api.get("/?q=crps");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).isEqualTo("/login.html?next=%2F%3Fq%3Dcrps");
        assertThat(api.get("/login.html").statusCode()).isEqualTo(200);
        assertThat(api.get("/login.js").statusCode()).isEqualTo(200);
        assertThat(api.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aLoginGivesAStrictHttpOnlySessionAndLogoutEndsIt() throws Exception {
        start(locked());
        var wrong = api.send("POST", "/api/login", "{\"password\": \"guess\"}");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
        var r = api.send("POST", "/api/login", ApiClient.JSON.writeValueAsString(Map.of("password", PASSWORD)));
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith(Access.COOKIE + "=").contains("HttpOnly").contains("SameSite=Strict")
                .doesNotContain("Secure");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        assertThat(cookie.length()).isGreaterThan(Access.COOKIE.length() + 40);

        var notes = api.get("/api/notes/note-glow", "Cookie", cookie);
        assertThat(notes.statusCode()).isEqualTo(200);
        assertThat(notes.body()).contains("endorphin");
        assertThat(api.get("/", "Cookie", cookie).statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(api.get("/api/session", "Cookie", cookie)).path("loggedIn").asBoolean()).isTrue();

        assertThat(api.send("POST", "/api/logout", null, "Cookie", cookie).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/notes/note-glow", "Cookie", cookie).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/notes/note-glow", "Cookie", Access.COOKIE + "=forged").statusCode()).isEqualTo(401);
    }

    @Test
    void behindTlsTheCookieIsSecure() throws Exception {
        start(locked());
        var r = api.send("POST", "/api/login", ApiClient.JSON.writeValueAsString(Map.of("password", PASSWORD)),
                "X-Forwarded-Proto", "https");
        assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure");
    }

    @Test
    void loginAttemptsAreRateLimited() throws Exception {
        start(locked());
        int limited = 0;
        for (int i = 0; i < Access.LOGINS_PER_MINUTE + 3; i++) {
            var r = api.send("POST", "/api/login", "{\"password\": \"guess " + i + "\"}");
            if (r.statusCode() == 429) {
                limited++;
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
                assertThat(ApiClient.json(r).path("error").asString()).contains("wait");
            } else {
                assertThat(r.statusCode()).isEqualTo(401);
            }
        }
        assertThat(limited).isGreaterThanOrEqualTo(3);
        // Even the right password waits: a guesser cannot tell the limit from a wrong guess.
        assertThat(api.send("POST", "/api/login", ApiClient.JSON.writeValueAsString(Map.of("password", PASSWORD)))
                .statusCode()).isEqualTo(429);
    }

    @Test
    void theCommandLineTokenOpensEverythingAndItsImportsAreNotLimitedToRoots() throws Exception {
        start(locked());
        var notes = api.get("/api/notes", "Authorization", "Bearer " + TOKEN);
        assertThat(notes.statusCode()).isEqualTo(200);
        assertThat(api.get("/api/notes", "Authorization", "Bearer " + "x".repeat(43)).statusCode()).isEqualTo(401);
        Path file = TestCorpus.file(dir, "anywhere/pins.txt", "Pins and needles\nTingling at night.\n");
        var imported = api.send("POST", "/api/import", "{\"paths\": [\"" + file + "\"]}", "Authorization", "Bearer " + TOKEN);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(ApiClient.json(imported).path("outcomes").get(0).path("status").asString()).isEqualTo("imported");
    }

    @Test
    void aSessionMayImportOnlyFromTheImportRoots() throws Exception {
        Path roots = dir.resolve("inbox");
        start(locked().withImportRoots(List.of(roots)));
        String cookie = login(PASSWORD);
        Path inside = TestCorpus.file(dir, "inbox/sleep.txt", "Sleep and pain\nPoor sleep raises pain.\n");
        Path outsideFile = TestCorpus.file(dir, "private/passwords.txt", "Passwords\nhunter2\n");
        var ok = api.send("POST", "/api/import", "{\"paths\": [\"" + inside + "\"]}", "Cookie", cookie);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        var refused = api.send("POST", "/api/import", "{\"paths\": [\"" + outsideFile + "\"]}", "Cookie", cookie);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(refused).path("error").asString()).contains("import roots");
        var sneaky = api.send("POST", "/api/import", "{\"paths\": [\"" + roots.resolve("../private/passwords.txt") + "\"]}",
                "Cookie", cookie);
        assertThat(sneaky.statusCode()).isEqualTo(403);
        java.nio.file.Files.createSymbolicLink(roots.resolve("link"), dir.resolve("private"));
        var viaLink = api.send("POST", "/api/import", "{\"paths\": [\"" + roots.resolve("link/passwords.txt") + "\"]}",
                "Cookie", cookie);
        assertThat(viaLink.statusCode()).isEqualTo(403);
        assertThat(library.engine().search(org.painsearch.engine.SearchRequest.of("hunter2")).hits()).isEmpty();
    }

    @Test
    void withoutAPasswordTheServerAnswersOnlyItsOwnNamesAndImportsNeedRoots() throws Exception {
        start(WebOptions.local());
        String foreign = ApiClient.raw(app.port(), "GET /api/notes HTTP/1.1\r\nHost: attacker.example\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(foreign).startsWith("HTTP/1.1 403");
        assertThat(api.get("/api/notes").statusCode()).isEqualTo(200);
        Path file = TestCorpus.file(dir, "anywhere/pins.txt", "Pins and needles\nTingling at night.\n");
        var refused = api.send("POST", "/api/import", "{\"paths\": [\"" + file + "\"]}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(refused).path("error").asString()).contains("--import-root");
    }

    @Test
    void withAPasswordAnyHostNameWorksForABrowserThatLoggedIn() throws Exception {
        start(locked());
        String cookie = login(PASSWORD);
        String answer = ApiClient.raw(app.port(), "GET /api/notes HTTP/1.1\r\nHost: 192.168.1.20:7070\r\nCookie: "
                + cookie + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200");
    }
}
