package org.painsearch.cli;

import org.painsearch.Libraries;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.TestCorpus;
import org.painsearch.app.Library;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.index.IndexService;
import org.painsearch.web.WebServer;

class CliTest {
    @TempDir
    Path dir;
    Path corpus;
    Path index;

    /** Exit code and what the command printed. */
    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void corpus() throws Exception {
        corpus = TestCorpus.write(dir);
        index = dir.resolve("index");
    }

    private Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var all = new ArrayList<>(List.of(args));
        if (args.length > 0 && !args[0].startsWith("-")) {
            all.addAll(1, List.of("--corpus", corpus.toString(), "--index", index.toString()));
        }
        int code = Main.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void searchPrintsHitsAndExitsZero() {
        var r = run("search", "CRPS");
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).contains("1 result(s) for: CRPS")
                .contains("Complex regional pain syndrome: a clinical guide")
                .contains("article · crps-guide");
    }

    @Test
    void searchWithoutHitsExitsOne() {
        var r = run("search", "zebra");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("No results for: zebra");
    }

    @Test
    void searchOptionsFilterAndLimit() {
        var r = run("search", "massage", "--type", "note", "--limit", "1");
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).contains("note · note-glow").doesNotContain("massage-endorphins");
        var podcast = run("search", "oxytocin");
        assertThat(podcast.out()).contains("pod-touch").contains("at 00:20:00");
        var cited = run("search", "blood", "massage");
        assertThat(cited.out()).contains("cited by: Why clients feel good afterwards");
    }

    @Test
    void badSyntaxStillSearchesAndSaysSo() {
        var r = run("search", "\"massage");
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).contains("Note: Your query could not be read as search syntax");
    }

    @Test
    void reindexReportsDocumentsAndRate() {
        var r = run("reindex");
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).containsPattern("Indexed 6 documents in [0-9.]+ s \\([0-9]+ docs/s\\)");
    }

    @Test
    void reindexListsBrokenFilesAndIndexesTheRest() throws Exception {
        TestCorpus.file(corpus, "articles/broken.md", "---\ntitle: [unclosed\n---\nbody\n");
        var r = run("reindex");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("left out").contains("broken.md").contains("front matter")
                .contains("Indexed 6 documents");
    }

    @Test
    void importListsFailuresAndImportsTheRest() throws Exception {
        Path incoming = Files.createDirectories(dir.resolve("incoming"));
        Files.writeString(incoming.resolve("good.md"), "# Tingling at night\n\nPins and needles wake her at 3am.\n");
        Files.write(incoming.resolve("bad.md"), new byte[] {'#', ' ', 'x', '\n', (byte) 0xC3, (byte) 0x28});
        Files.writeString(incoming.resolve("paper.pdf"), "%PDF-1.4");
        var r = run("import", incoming.toString(), incoming.resolve("paper.pdf").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("imported").contains("-> tingling-at-night")
                .contains("failed").contains("bad.md").contains("UTF-8")
                .contains("skipped").contains("unsupported file type '.pdf'");
        assertThat(run("search", "paresthesia").out()).contains("tingling-at-night");
        var again = run("import", incoming.resolve("good.md").toString());
        assertThat(again.code()).isEqualTo(0);
        assertThat(again.out()).contains("updated");
        assertThat(corpus.resolve("articles/tingling-at-night.md")).exists();
        assertThat(corpus.resolve("articles/tingling-at-night-2.md")).doesNotExist();
    }

    @Test
    void reindexAndImportHandTheirWorkToARunningServer() throws Exception {
        try (var library = Libraries.open(new CorpusStore(corpus), IndexService.openWritable(index))) {
            library.rebuild(Library.Progress.NONE);
            String token = org.painsearch.web.WebOptions.newToken();
            var app = WebServer.create(library, org.painsearch.web.WebOptions.local().withCliToken(token))
                    .start("127.0.0.1", 0);
            try {
                ServerRegistry.register(index, "http://127.0.0.1:" + app.port(), token);
                var r = run("reindex");
                assertThat(r.code()).isEqualTo(0);
                assertThat(r.out()).contains("The index is open in the painsearch server at http://127.0.0.1:" + app.port())
                        .contains("Indexed 6 documents");
                Path file = TestCorpus.file(dir, "in/new.txt", "Breathing and pain\nSlow breathing calms the system.\n");
                var imported = run("import", file.toString());
                assertThat(imported.code()).isEqualTo(0);
                assertThat(imported.out()).contains("handing the import to it").contains("-> breathing-and-pain");
                assertThat(library.engine().document("breathing-and-pain")).isPresent();
            } finally {
                app.stop();
            }
        }
    }

    @Test
    @SuppressWarnings("try") // the index is held open for the command to meet, not used
    void aLockedIndexWithoutServerGivesAClearMessage() throws Exception {
        try (var held = IndexService.openWritable(index)) {
            var r = run("reindex");
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).contains("is in use by another painsearch process")
                    .contains("stop the other painsearch process").doesNotContain("LockObtainFailed");
        }
    }

    @Test
    void helpVersionAndUsageErrors() {
        var version = run("--version");
        assertThat(version.code()).isEqualTo(0);
        assertThat(version.out()).startsWith("painsearch ");
        for (String command : new String[] {"serve", "reindex", "import", "search"}) {
            var help = run(command, "--help");
            assertThat(help.code()).as(command).isEqualTo(0);
            assertThat(help.out()).as(command).contains("Usage: painsearch " + command).contains("--corpus");
        }
        var bad = run("search", "--limit", "lots", "x");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--limit");
    }

    @Test
    void aWrongTypeIsAnErrorThatListsTheValidOnes() {
        var r = run("search", "massage", "--type", "articles");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("article, podcast or note").contains("articles").doesNotContain("Exception");
    }

    @Test
    void theCommandLineAndThePageShareOneSearch() throws Exception {
        var embeddings = org.painsearch.vectors.Embeddings.open(dir.resolve("cache"));
        try (var library = Libraries.open(new CorpusStore(corpus), IndexService.openWritable(index),
                java.time.Clock.systemUTC(), embeddings, org.painsearch.engine.RankingMode.HYBRID)) {
            library.rebuild(Library.Progress.NONE);
            library.engine().vectorsDone().join(); // words first, vectors in the background
            for (String q : List.of("massage pain", "why does touch help", "sleep -massage")) {
                var expected = library.engine().search(org.painsearch.engine.SearchRequest.of(q)).hits().stream()
                        .map(h -> h.id()).toList();
                assertThat(expected).as(q).isNotEmpty();
                // The CLI opens the index read-only beside the writer, as it does beside a running server.
                Libraries.lucene(library).index().refresh();
                var printed = java.util.regex.Pattern.compile("(?m)^ {4}\\w+ · ([^ ]+)").matcher(run("search", q).out())
                        .results().map(m -> m.group(1)).toList();
                assertThat(printed).as(q).isEqualTo(expected);
            }
        }
    }
}
