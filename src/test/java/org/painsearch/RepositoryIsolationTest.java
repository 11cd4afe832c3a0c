package org.painsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.painsearch.cli.Main;

/**
 * Her own use of painsearch never breaks {@code ./painsearch test}: every test that reads files of the checkout is
 * tagged, and those tests pass on a copy of the checkout whose corpus/ has her notes, bookmarks, imports and edits.
 */
class RepositoryIsolationTest {
    private static final Path TEST_SOURCES = Path.of("src/test/java");
    // Test classes may name the checkout only through these helpers, which read the property at each call.
    private static final List<String> CHECKOUT_READS = List.of("Repository.root()", "Repository.bundledCorpus(",
            Repository.PROPERTY);

    @TempDir
    Path dir;

    @Test
    void testsReadingTheCheckoutPassAfterSheAddedNotesBookmarksAndImports() throws Exception {
        Path real = Repository.root();
        Path copy = dir.resolve("checkout");
        clone(real, copy);
        Path corpus = copy.resolve("corpus");
        Path index = dir.resolve("index");

        // The note exactly as the README shows it, and one linking to a source not imported yet.
        cli(corpus, index, "note", "new", "Ask about sleep before deep work", "--tag", "sleep", "--tag", "clients");
        Path body = Files.writeString(dir.resolve("reading.md"), "CRPS reading list: start with [[not-imported-yet]].\n");
        cli(corpus, index, "note", "new", "CRPS reading list", "--tag", "crps", "--body-file", body.toString());
        // An import all about CRPS: on her corpus/ it would outrank the bundled article the CRPS test expects first.
        Path handout = Files.writeString(dir.resolve("crps-handout.md"), """
                # CRPS handout for clients

                CRPS (complex regional pain syndrome) explained for clients: CRPS, CRPS and CRPS again.
                """);
        cli(corpus, index, "import", handout.toString());
        cli(corpus, index, "bookmark", "add", "doc:crps-budapest-criteria", "--label", "Budapest criteria");
        // And an edit of a bundled note that leaves a link unresolved.
        Path bundledNote = corpus.resolve("notes/note-sleep-and-pain.md");
        Files.writeString(bundledNote, Files.readString(bundledNote) + "\nAlso [[an-article-i-have-not-found]].\n");

        assertThat(TestCorpus.namesIn(corpus.resolve("notes")))
                .contains("note-ask-about-sleep-before-deep-work.md", "note-crps-reading-list.md");
        assertThat(corpus.resolve("bookmarks.json")).exists();
        assertThat(TestCorpus.namesIn(corpus.resolve("articles"))).anyMatch(n -> n.contains("crps-handout"));

        String previousRepo = System.getProperty(Repository.PROPERTY);
        String previousShared = System.getProperty("painsearch.shared");
        System.setProperty("painsearch.shared", previousShared != null ? previousShared
                : real.resolve("../shared").normalize().toString());
        System.setProperty(Repository.PROPERTY, copy.toString());
        try {
            var results = EngineTestKit.engine("junit-jupiter")
                    .selectors(DiscoverySelectors.selectPackage("org.painsearch"))
                    .filters(TagFilter.includeTags(Repository.TAG))
                    .execute();
            var failures = results.testEvents().failed().stream()
                    .map(e -> e.getTestDescriptor().getDisplayName() + ": " + e.getPayload().orElse(""))
                    .toList();
            assertThat(failures).as("tests reading the checkout, run on a copy with her data").isEmpty();
            assertThat(results.testEvents().started().count()).isGreaterThanOrEqualTo(10);
            assertThat(results.containerEvents().started().stream()
                    .map(e -> e.getTestDescriptor().getDisplayName()))
                    .contains("BundledCorpusTest", "JudgedSetTest", "LauncherTest");
        } finally {
            restore(Repository.PROPERTY, previousRepo);
            restore("painsearch.shared", previousShared);
        }
    }

    @Test
    void everyTestClassReadingTheCheckoutIsTaggedSoTheCopyRunsIt() throws IOException {
        var untagged = new ArrayList<String>();
        try (Stream<Path> files = Files.walk(Repository.root().resolve(TEST_SOURCES))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = f.getFileName().toString();
                // OpenSearchCluster finds the build folder (target/) through the checkout, never corpus/ or index/.
                if (List.of("Repository.java", "Required.java", "RepositoryIsolationTest.java", "OpenSearchCluster.java")
                        .contains(name)) {
                    continue;
                }
                String source = Files.readString(f);
                boolean reads = CHECKOUT_READS.stream().anyMatch(source::contains);
                boolean tagged = source.contains("@Tag(Repository.TAG)") || source.contains("@Tag(\"benchmark\")");
                if (reads && !tagged) {
                    untagged.add(name);
                }
            }
        }
        assertThat(untagged).as("test classes reading the checkout without @Tag(Repository.TAG)").isEmpty();
    }

    private static void cli(Path corpus, Path index, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--corpus", corpus.toString(), "--index", index.toString(), "--ranking", "bm25"));
        int code = Main.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(all.toArray(String[]::new));
        assertThat(code).as(String.join(" ", args) + ": " + out + err).isZero();
    }

    // A local clone: git's own copy of the checkout's committed files, nothing read from its corpus/ folder.
    private static void clone(Path from, Path to) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("git", "clone", "--quiet", "--local", from.toString(), to.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            Required.unmet("this test copies the checkout with git, which cannot be run here (" + e.getMessage() + ")");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        if (p.exitValue() != 0) {
            Required.unmet("this test copies the checkout with git, and " + from + " is not a git checkout: " + out);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
