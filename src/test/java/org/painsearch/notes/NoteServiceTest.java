package org.painsearch.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.corpus.CorpusStore;

class NoteServiceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path corpus;
    NoteService notes;

    @BeforeEach
    void service() {
        notes = new NoteService(new CorpusStore(corpus), CLOCK);
    }

    @Test
    void createWritesAFrontMatterFileWithAStableId() throws Exception {
        Note n = notes.create(new NoteDraft("Client R.: neck after whiplash", "See [[sleep-pain]].", List.of("Neck", "clients"), true));
        assertThat(n.id()).isEqualTo("note-client-r-neck-after-whiplash");
        assertThat(n.created()).isEqualTo("2026-03-01");
        assertThat(n.updated()).isEqualTo("2026-03-01T09:30:00Z");
        assertThat(n.isPrivate()).isTrue();
        assertThat(Files.readString(corpus.resolve("notes/" + n.id() + ".md"))).isEqualTo("""
                ---
                id: note-client-r-neck-after-whiplash
                type: note
                title: 'Client R.: neck after whiplash'
                created: 2026-03-01
                updated: 2026-03-01T09:30:00Z
                private: true
                tags:
                - neck
                - clients
                ---
                See [[sleep-pain]].
                """);
        assertThat(notes.create(new NoteDraft("Client R.: neck after whiplash", "", List.of(), false)).id())
                .isEqualTo("note-client-r-neck-after-whiplash-2");
    }

    @Test
    void anEditFromTheCurrentVersionSavesAndChangesTheVersion() throws Exception {
        Note n = notes.create(new NoteDraft("Sleep", "one", List.of(), false));
        Note saved = notes.update(n.id(), n.version(), new NoteDraft("Sleep better", "two", List.of("sleep"), false));
        assertThat(saved.version()).isNotEqualTo(n.version());
        assertThat(saved.title()).isEqualTo("Sleep better");
        assertThat(saved.created()).isEqualTo("2026-03-01");
        assertThat(notes.get(n.id()).orElseThrow().body()).isEqualTo("two\n");
    }

    @Test
    void anEditFromAnOldVersionIsRefusedAndKept() throws Exception {
        Note n = notes.create(new NoteDraft("Sleep", "one", List.of(), false));
        // Someone edits the file in a text editor meanwhile.
        Path file = corpus.resolve("notes/" + n.id() + ".md");
        Files.writeString(file, Files.readString(file).replace("one", "edited elsewhere"));

        assertThatThrownBy(() -> notes.update(n.id(), n.version(), new NoteDraft("Sleep", "mine", List.of(), false)))
                .isInstanceOfSatisfying(NoteException.Conflict.class, c -> {
                    assertThat(c.current().body()).isEqualTo("edited elsewhere\n");
                    assertThat(c.keptAt()).startsWith(".conflicts/" + n.id() + "-20260301T093000Z");
                    assertThat(corpus.resolve(c.keptAt())).content().contains("mine");
                });
        assertThat(Files.readString(file)).contains("edited elsewhere").doesNotContain("mine");
    }

    @Test
    void deleteMovesToTrashAndRestoreBringsBack() throws Exception {
        Note n = notes.create(new NoteDraft("Trash me", "text", List.of(), false));
        notes.delete(n.id());
        assertThat(notes.get(n.id())).isEmpty();
        assertThat(corpus.resolve(".trash/notes/" + n.id() + ".md")).exists();
        assertThat(notes.list()).isEmpty();
        Note back = notes.restore(n.id());
        assertThat(back.body()).isEqualTo("text\n");
        assertThat(back.version()).isEqualTo(n.version());
        assertThatThrownBy(() -> notes.restore(n.id())).isInstanceOf(NoteException.NotFound.class);
        assertThatThrownBy(() -> notes.delete("note-missing")).isInstanceOf(NoteException.NotFound.class);
    }

    @Test
    void savesLeaveNoTemporaryFiles() throws Exception {
        Note n = notes.create(new NoteDraft("Tidy", "a", List.of(), false));
        notes.update(n.id(), n.version(), new NoteDraft("Tidy", "b", List.of(), false));
        try (Stream<Path> files = Files.list(corpus.resolve("notes"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(n.id() + ".md");
        }
    }

    @Test
    void badInputIsRefusedWithAReason() {
        assertThatThrownBy(() -> new NoteDraft(" ", "", List.of(), false)).hasMessageContaining("title");
        assertThatThrownBy(() -> notes.fileOf("../etc/passwd")).hasMessageContaining("not a note id");
        assertThatThrownBy(() -> new NoteDraft("x", "y".repeat(NoteDraft.MAX_BODY_CHARS + 1), List.of(), false))
                .hasMessageContaining("too long");
    }
}
