package org.painsearch.ingest;

import org.painsearch.Libraries;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.TestCorpus;
import org.painsearch.app.Library;
import org.painsearch.engine.SearchRequest;

/**
 * An imported folder never leaks what is outside it or hidden in it: links out are not followed, hidden files and
 * folders are left out, big files, pipes and painsearch's own index and trash are skipped with the reason.
 */
@org.junit.jupiter.api.Timeout(120) // the old walk read a named pipe forever; a hang must fail, not stall the suite
class ImportSafetyTest {
    private static final String SECRET = "zebrasecret shadowline";

    @TempDir
    Path dir;
    Path folder;
    Path outside;

    @BeforeEach
    void folderWithTraps() throws Exception {
        outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("shadow.txt"), "root:$6$hash\n" + SECRET + "\n");
        Files.writeString(outside.resolve("other.md"), "# Outside\n\n" + SECRET + "\n");
        folder = Files.createDirectories(dir.resolve("reading"));
        Files.writeString(folder.resolve("a-sleep.md"), "# Sleep and pain\n\nPoor sleep raises pain the next day.\n");
        Files.createSymbolicLink(folder.resolve("b-shadow.txt"), outside.resolve("shadow.txt"));
        Files.createSymbolicLink(folder.resolve("c-outside-folder"), outside);
        Files.createSymbolicLink(folder.resolve("d-inside-link.md"), folder.resolve("a-sleep.md"));
        Files.createSymbolicLink(folder.resolve("e-broken.md"), dir.resolve("nowhere.md"));
        Files.createDirectories(folder.resolve(".ssh"));
        Files.writeString(folder.resolve(".ssh/id_rsa.txt"), "-----BEGIN KEY-----\n" + SECRET + "\n");
        Files.writeString(folder.resolve(".recovery-codes.txt"), "Recovery codes\n" + SECRET + "\n");
        Files.writeString(folder.resolve("f-big.txt"), "Big\n" + "words ".repeat(400));
        var mkfifo = new ProcessBuilder("mkfifo", folder.resolve("g-pipe.txt").toString()).start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo").isTrue();
    }

    private Map<String, String> byName(List<ImportOutcome> outcomes) {
        return outcomes.stream().collect(Collectors.toMap(o -> folder.relativize(o.source()).toString(), o -> switch (o) {
            case ImportOutcome.Imported i -> "imported " + i.document().id();
            case ImportOutcome.Skipped s -> "skipped: " + s.reason();
            case ImportOutcome.Failed f -> "failed: " + f.reason();
        }, (a, b) -> a + " | " + b));
    }

    @Test
    void onlyWhatIsReallyInTheFolderAndVisibleIsImported() throws Exception {
        try (Library library = TestCorpus.library(dir.resolve("lib"))) {
            var heard = new ArrayList<ImportOutcome>();
            var small = new Importer(library.corpus(), 1024, List.of(Libraries.lucene(library).index().path()));
            var outcomes = small.importAll(List.of(folder), heard::add);
            var seen = byName(outcomes);

            assertThat(seen.get("a-sleep.md")).isEqualTo("imported sleep-and-pain");
            assertThat(seen.get("b-shadow.txt")).startsWith("skipped: a link to outside the folder");
            assertThat(seen.get("c-outside-folder")).startsWith("skipped: a link to outside the folder");
            assertThat(seen.get("d-inside-link.md")).isNull(); // its target is inside, and imported once, as itself
            assertThat(outcomes).extracting(o -> o.source().getFileName().toString()).contains("a-sleep.md");
            assertThat(seen.get("e-broken.md")).startsWith("skipped: a link to something that does not exist");
            assertThat(seen.get("f-big.txt")).startsWith("skipped: too large to import").contains("the limit is 1.0 KB");
            assertThat(seen.get("g-pipe.txt")).startsWith("skipped: not a regular file");
            assertThat(seen).doesNotContainKeys(".ssh/id_rsa.txt", ".recovery-codes.txt", ".ssh");

            for (Path p : library.corpus().documentFiles()) {
                assertThat(Files.readString(p)).as(p.toString()).doesNotContain("zebrasecret");
            }
        }
    }

    @Test
    void throughTheLibraryNothingSecretBecomesSearchable() throws Exception {
        try (Library library = TestCorpus.library(dir.resolve("lib"))) {
            library.importPaths(List.of(folder), o -> { });
            assertThat(library.engine().search(SearchRequest.of("zebrasecret")).hits()).isEmpty();
            assertThat(library.engine().search(SearchRequest.of("poor sleep")).hits()).isNotEmpty();
        }
    }

    @Test
    void aHiddenFolderNamedExplicitlyIsImportedButTheIndexAndTrashNever() throws Exception {
        try (Library library = TestCorpus.library(dir.resolve("lib"))) {
            var named = library.importPaths(List.of(folder.resolve(".ssh")), o -> { });
            assertThat(named).singleElement().isInstanceOf(ImportOutcome.Imported.class);

            Path trash = library.corpus().root().resolve(".trash/notes");
            TestCorpus.file(library.corpus().root(), ".trash/notes/note-old.md", "---\nid: note-old\ntitle: Old\n---\nGone.\n");
            var fromTrash = library.importPaths(List.of(trash), o -> { });
            assertThat(fromTrash).singleElement().isInstanceOfSatisfying(ImportOutcome.Skipped.class,
                    s -> assertThat(s.reason()).contains("never imported"));
            var fromIndex = library.importPaths(List.of(Libraries.lucene(library).index().path()), o -> { });
            assertThat(fromIndex).singleElement().isInstanceOf(ImportOutcome.Skipped.class);
            Files.createSymbolicLink(folder.resolve("h-index-link"), Libraries.lucene(library).index().path());
            var viaLink = library.importPaths(List.of(folder.resolve("h-index-link")), o -> { });
            assertThat(viaLink).singleElement().isInstanceOf(ImportOutcome.Skipped.class);
        }
    }
}
