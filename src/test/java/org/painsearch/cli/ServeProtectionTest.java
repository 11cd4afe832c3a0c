package org.painsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.TestCorpus;

/** {@code serve} off this machine needs a password; with one, the page asks for it and the CLI hands off by token. */
class ServeProtectionTest {
    private static final Pattern SERVING = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void servingTheNetworkWithoutAPasswordExitsWith2AndSaysHowToSetOne() throws Exception {
        Path corpus = TestCorpus.write(dir);
        var r = run("serve", "--host", "0.0.0.0", "--port", "0", "--corpus", corpus.toString(), "--index",
                dir.resolve("index").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("without a password").contains("PAINSEARCH_PASSWORD").contains("--password-file")
                .contains("chmod 600");
        assertThat(dir.resolve("index")).doesNotExist();
    }

    @Test
    void aPasswordFileOthersCanReadOrAShortPasswordIsRefused() throws Exception {
        Path corpus = TestCorpus.write(dir);
        Path file = Files.writeString(dir.resolve("password"), "correct horse battery\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        var open = run("serve", "--host", "0.0.0.0", "--port", "0", "--password-file", file.toString(),
                "--corpus", corpus.toString(), "--index", dir.resolve("index").toString());
        assertThat(open.code()).isEqualTo(2);
        assertThat(open.err()).contains("can be read or changed by others").contains("chmod 600 " + file);

        Files.writeString(file, "short\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        var shortOne = run("serve", "--host", "0.0.0.0", "--port", "0", "--password-file", file.toString(),
                "--corpus", corpus.toString(), "--index", dir.resolve("index").toString());
        assertThat(shortOne.code()).isEqualTo(2);
        assertThat(shortOne.err()).contains("at least 8 characters");
    }

    @Test
    void aPasswordProtectedServerAsksBrowsersToLogInAndTakesTheCommandLinesWorkByToken() throws Exception {
        Path corpus = TestCorpus.write(dir);
        Path index = dir.resolve("index");
        Path file = Files.writeString(dir.resolve("password"), "correct horse battery\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        String java = ProcessHandle.current().info().command().orElse("java");
        var server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port", "0", "--password-file", file.toString(), "--ranking", "bm25",
                "--corpus", corpus.toString(), "--index", index.toString())
                .redirectErrorStream(true).start();
        try {
            var out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String base = null;
            for (String line; base == null && (line = out.readLine()) != null; ) {
                var m = SERVING.matcher(line);
                if (m.find()) {
                    base = m.group(1);
                }
            }
            assertThat(base).as("the server printed its address").isNotNull();
            var http = HttpClient.newHttpClient();
            var notes = http.send(HttpRequest.newBuilder(URI.create(base + "/api/notes")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(notes.statusCode()).isEqualTo(401);

            Path registry = index.resolve(ServerRegistry.FILE_NAME);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(registry))).isEqualTo("rw-------");
            assertThat(Files.readString(registry)).contains("\"token\"");

            Path incoming = TestCorpus.file(dir, "incoming/breathing.txt", "Breathing and pain\nSlow breathing calms.\n");
            var imported = run("import", incoming.toString(), "--corpus", corpus.toString(), "--index", index.toString());
            assertThat(imported.code()).as(imported.out() + imported.err()).isZero();
            assertThat(imported.out()).contains("handing the import to it").contains("-> breathing-and-pain");
        } finally {
            server.destroyForcibly();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
