package org.painsearch.cli;

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

/** {@code painsearch check}, and a damaged index set aside and rebuilt by {@code reindex}. */
class CheckAndRepairTest {
    @TempDir
    Path dir;
    Path corpus;
    Path index;

    record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeEach
    void indexed() throws Exception {
        TestCorpus.library(dir).close();
        corpus = dir.resolve("corpus");
        index = dir.resolve("index");
    }

    private Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var all = new ArrayList<>(List.of(args));
        all.addAll(1, List.of("--corpus", corpus.toString(), "--index", index.toString(), "--ranking", "bm25"));
        int code = Main.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aWholeIndexInStepWithItsCorpusPasses() {
        var r = run("check");
        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out()).contains("Index files: whole").contains("Corpus and index: in step (6 document(s)).");
    }

    @Test
    void differencesAreListedInPlainWordsAndExitOne() throws Exception {
        Path sleep = corpus.resolve("articles/sleep-pain.md");
        Files.writeString(sleep, Files.readString(sleep) + "One more line.\n");
        TestCorpus.file(corpus, "articles/new-one.md", "---\nid: new-one\ntitle: New\n---\nNew text.\n");
        Files.delete(corpus.resolve("articles/gate-control.md"));

        var r = run("check");

        assertThat(r.code()).as(r.all()).isEqualTo(1);
        assertThat(r.out()).contains("Corpus and index differ in 3 of 6 document(s):")
                .contains("  not in the index: articles/new-one.md")
                .contains("  older in the index than on disk: articles/sleep-pain.md")
                .contains("  in the index, but its file is gone: gate-control");
        assertThat(r.all()).doesNotContain("Exception").doesNotContain("org.apache");
    }

    @Test
    void aDamagedIndexIsReportedThenSetAsideAndRebuiltByReindex() throws Exception {
        TestCorpus.damageLargestSegmentFile(index);

        var check = run("check");
        assertThat(check.code()).as(check.all()).isEqualTo(1);
        assertThat(check.out()).contains("The index is damaged: ");
        assertThat(check.all()).doesNotContain("Exception").doesNotContain("org.apache").doesNotContain("\tat ");

        var reindex = run("reindex");
        assertThat(reindex.code()).as(reindex.all()).isZero();
        assertThat(reindex.out()).contains("The index in " + index + " could not be opened (")
                .contains("It was moved to " + index + ".damaged-").contains("Indexed 6 documents");
        assertThat(reindex.all()).doesNotContain("Exception").doesNotContain("org.apache");
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("index.damaged-"));
        }
        assertThat(run("search", "CRPS").out()).contains("crps-guide");
        assertThat(run("check").code()).isZero();
    }

    @Test
    void noIndexYetSaysHowToBuildOne() throws Exception {
        index = dir.resolve("elsewhere");
        var r = run("check");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("There is no index yet");
    }
}
