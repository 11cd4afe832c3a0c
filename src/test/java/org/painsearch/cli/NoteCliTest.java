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

class NoteCliTest {
    @TempDir
    Path dir;
    Path corpus;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void corpus() throws Exception {
        corpus = TestCorpus.write(dir);
    }

    private Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--corpus", corpus.toString(), "--index", dir.resolve("index").toString()));
        int code = Main.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void newNoteIsWrittenIndexedAndListed() throws Exception {
        Path body = Files.writeString(dir.resolve("body.md"), "Heat before work, see [[sleep-pain]].\n");
        var created = run("note", "new", "Heat packs", "--tag", "home-care", "--body-file", body.toString());
        assertThat(created.code()).as(created.err()).isEqualTo(0);
        assertThat(created.out()).contains("created note-heat-packs");
        assertThat(corpus.resolve("notes/note-heat-packs.md")).content().contains("Heat before work");

        var found = run("search", "heat", "--type", "note");
        assertThat(found.out()).contains("note-heat-packs");
        var list = run("note", "list");
        assertThat(list.out()).contains("note-heat-packs").contains("Heat packs").contains("2 note(s)");
        var show = run("note", "show", "note-heat-packs");
        assertThat(show.out()).contains("Heat packs").contains("ok          sleep-pain");
        assertThat(run("note", "show", "note-nope").code()).isEqualTo(1);
    }

    @Test
    void lintListsUnresolvedLinksAndFailsThenPassesWhenFixed() throws Exception {
        var lint = run("note", "lint");
        assertThat(lint.code()).isEqualTo(1);
        assertThat(lint.out()).contains("note-glow.md: [[missing-doc]]").contains("1 unresolved link(s)");
        Path note = corpus.resolve("notes/note-glow.md");
        Files.writeString(note, Files.readString(note).replace("Still to read: [[missing-doc]].", ""));
        assertThat(run("note", "lint").code()).isEqualTo(0);
    }

    @Test
    void bookmarksFromTheTerminal() {
        assertThat(run("bookmark", "add", "doc:crps-guide", "--label", "Budapest").out())
                .contains("bookmarked doc:crps-guide as b1 (Budapest)");
        assertThat(run("bookmark", "add", "search:q=sleep").code()).isEqualTo(0);
        var bad = run("bookmark", "add", "nonsense");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("doc:<id>, note:<id> or search:<query>");
        assertThat(run("bookmark", "list").out()).contains("b1    doc     Budapest  doc:crps-guide")
                .contains("2 bookmark(s)");
    }
}
