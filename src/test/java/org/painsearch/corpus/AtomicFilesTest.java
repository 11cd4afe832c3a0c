package org.painsearch.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.TestCorpus;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesANewFileCreatingItsFolders() throws IOException {
        Path target = dir.resolve("notes/deeper/note-1.md");

        AtomicFiles.write(target, "Café\n".getBytes(StandardCharsets.UTF_8));

        assertThat(target).hasBinaryContent("Café\n".getBytes(StandardCharsets.UTF_8));
        assertThat(TestCorpus.namesIn(target.getParent())).containsExactly("note-1.md");
    }

    @Test
    void replacesExistingContentLeavingNoTemporaryFile() throws IOException {
        Path target = dir.resolve("note-1.md");
        Files.writeString(target, "an older and much longer content that must not survive in part");

        AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(target).hasContent("new");
        assertThat(TestCorpus.namesIn(dir)).containsExactly("note-1.md");
    }

    @Test
    void writesEmptyContent() throws IOException {
        Path target = dir.resolve("empty.md");

        AtomicFiles.write(target, new byte[0]);

        assertThat(target).isEmptyFile();
    }

    @Test
    void aFailedReplaceLeavesTheTargetAsItWasAndNoTemporaryFile() throws IOException {
        // A non-empty folder cannot be replaced by a file, so the final rename fails.
        Path target = dir.resolve("note-1.md");
        Files.createDirectories(target);
        Files.writeString(target.resolve("inside.txt"), "kept");

        assertThatThrownBy(() -> AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);

        assertThat(TestCorpus.namesIn(dir)).containsExactly("note-1.md");
        assertThat(target.resolve("inside.txt")).hasContent("kept");
    }
}
