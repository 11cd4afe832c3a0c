package org.painsearch.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.TestCorpus;
import org.painsearch.notes.NoteDraft;

/** The index and what painsearch writes are readable by their owner only; interrupted saves leave nothing for long. */
class OwnerOnlyAndLeftoversTest {
    @TempDir
    Path dir;

    static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    /** Every folder under {@code root} is rwx------ and every file rw-------. */
    static void assertOwnerOnly(Path root) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                assertThat(mode(p)).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
            }
        }
    }

    @Test
    void theIndexAndEveryFileWrittenForNotesAndBookmarksAreOwnerOnly() throws Exception {
        try (var library = TestCorpus.library(dir)) {
            var note = library.createNote(new NoteDraft("Client R. neck", "Whiplash, second visit.", List.of(), true));
            library.bookmarks().add("note:" + note.id(), "R.");
            library.deleteNote(note.id());
            Path corpus = library.corpus().root();
            assertOwnerOnly(dir.resolve("index"));
            assertThat(mode(corpus.resolve(".trash"))).isEqualTo("rwx------");
            assertThat(mode(corpus.resolve(".trash/notes"))).isEqualTo("rwx------");
            assertThat(mode(corpus.resolve(".trash/notes/" + note.id() + ".md"))).isEqualTo("rw-------");
            assertThat(mode(corpus.resolve("bookmarks.json"))).isEqualTo("rw-------");
            assertThat(mode(corpus.resolve(".bookmarks.json.lock"))).isEqualTo("rw-------");
        }
    }

    @Test
    void anExistingWorldReadableIndexIsTightenedWhenOpened() throws Exception {
        TestCorpus.library(dir).close();
        Path index = dir.resolve("index");
        try (Stream<Path> all = Files.walk(index)) {
            for (Path p : all.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        org.painsearch.index.IndexService.openWritable(index).close();
        assertOwnerOnly(index);
    }

    @Test
    void ownerOnlyFoldersAreCreatedWholeAndExactly() throws Exception {
        Path deep = OwnerOnly.createDirectories(dir.resolve("a/b/c"));
        assertThat(mode(dir.resolve("a"))).isEqualTo("rwx------");
        assertThat(mode(deep)).isEqualTo("rwx------");
        assertThat(mode(OwnerOnly.createFile(deep.resolve("log.jsonl")))).isEqualTo("rw-------");
        AtomicFiles.write(dir.resolve("x/y.md"), "text".getBytes());
        assertThat(mode(dir.resolve("x"))).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("x/y.md"))).isEqualTo("rw-------");
    }

    @Test
    void leftoverTemporaryFilesOfKilledSavesAreRemovedAndNothingElse() throws Exception {
        Path corpus = TestCorpus.write(dir);
        Path notesTmp = TestCorpus.file(corpus, "notes/.note-glow.md4821937465.tmp", "half a no");
        Path articleTmp = TestCorpus.file(corpus, "articles/.gate-control.md99.tmp", "half");
        Path crawlTmp = TestCorpus.file(corpus, ".crawl/raw/ab/.raw123.tmp", "half");
        Path freshRootTmp = TestCorpus.file(corpus, ".bookmarks.json777.tmp", "[");
        Path oldRootTmp = TestCorpus.file(corpus, ".sources.yaml31.tmp", "seeds:");
        Files.setLastModifiedTime(oldRootTmp, FileTime.from(Instant.now().minusSeconds(3600)));
        Path keep = TestCorpus.file(corpus, "notes/.hidden-notes.md", "kept: not a temporary file");

        var removed = Leftovers.clean(corpus, true);
        assertThat(removed).containsExactlyInAnyOrder(notesTmp, oldRootTmp);
        assertThat(articleTmp).exists();
        assertThat(crawlTmp).exists();
        assertThat(freshRootTmp).exists();
        assertThat(keep).exists();
        assertThat(Leftovers.clean(corpus, false)).containsExactlyInAnyOrder(articleTmp, crawlTmp);
        assertThat(corpus.resolve("notes/note-glow.md")).exists();
    }

    @Test
    void openingTheLibraryFromTheCommandLineCleansLeftovers() throws Exception {
        Path corpus = TestCorpus.write(dir);
        Path notesTmp = TestCorpus.file(corpus, "notes/.note-x.md5550001.tmp", "---\nid: note-x\ntitle: Half");
        var out = new java.io.StringWriter();
        int code = org.painsearch.cli.Main.newCommandLine(new java.io.PrintWriter(out), new java.io.PrintWriter(out))
                .execute("reindex", "--corpus", corpus.toString(), "--index", dir.resolve("index").toString(),
                        "--ranking", "bm25");
        assertThat(code).as(out.toString()).isZero();
        assertThat(notesTmp).doesNotExist();
    }
}
