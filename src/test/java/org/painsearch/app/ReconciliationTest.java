package org.painsearch.app;

import org.painsearch.Libraries;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.TestCorpus;
import org.painsearch.corpus.ContentVersion;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.index.IndexService;
import org.painsearch.notes.NoteDraft;
import org.painsearch.engine.SearchRequest;

/** Files edited, added and deleted while painsearch was stopped are found and indexed when it opens again. */
class ReconciliationTest {
    @TempDir
    Path dir;

    private Library open(Path corpus) throws Exception {
        return Libraries.open(new CorpusStore(corpus), IndexService.openWritable(dir.resolve("index")));
    }

    private static long hits(Library library, String query) throws Exception {
        return library.engine().search(SearchRequest.of(query)).total();
    }

    @Test
    void editsAddsAndDeletesWhileStoppedAreBroughtInStepAtOpen() throws Exception {
        TestCorpus.library(dir).close();
        Path corpus = dir.resolve("corpus");
        // While stopped: one file edited, one added, one deleted.
        Path sleep = corpus.resolve("articles/sleep-pain.md");
        Files.writeString(sleep, Files.readString(sleep).replace("---\n", "---\n").strip() + "\nA zeppelin passage.\n");
        TestCorpus.file(corpus, "articles/new-one.md", """
                ---
                id: new-one
                type: article
                title: "Quokka habits"
                ---
                Quokkas smile.
                """);
        Files.delete(corpus.resolve("articles/gate-control.md"));

        try (var library = open(corpus)) {
            var before = Reconciliation.compare(library.corpus(), library.engine().contentVersions());
            assertThat(before.missing()).containsExactly(corpus.resolve("articles/new-one.md"));
            assertThat(before.stale()).containsExactly(sleep);
            assertThat(before.orphaned()).containsExactly("gate-control");

            var outcome = library.reconcile(Library.Progress.NONE);

            assertThat(outcome.summary()).isEqualTo("1 added, 1 updated, 1 removed");
            assertThat(hits(library, "zeppelin")).isEqualTo(1);
            assertThat(hits(library, "quokka")).isEqualTo(1);
            assertThat(library.engine().document("gate-control")).isEmpty();
            assertThat(Reconciliation.compare(library.corpus(), library.engine().contentVersions()).none()).isTrue();
            assertThat(library.engine().contentVersions()).containsEntry("sleep-pain", ContentVersion.ofDocument(sleep));
        }
        try (var library = open(corpus)) {
            assertThat(library.reconcile(Library.Progress.NONE).found().none()).as("committed, nothing left").isTrue();
        }
    }

    @Test
    void aNoteRestoredFromTheTrashIsSearchable() throws Exception {
        Path corpus = TestCorpus.write(dir);
        String id;
        try (var library = open(corpus)) {
            library.rebuild(Library.Progress.NONE);
            id = library.createNote(new NoteDraft("Short lived", "about tingling", java.util.List.of(), false)).id();
            library.deleteNote(id);
            assertThat(hits(library, "tingling")).isZero();

            library.restoreNote(id);

            assertThat(hits(library, "tingling")).isEqualTo(1);
            library.deleteNote(id);
        }
        // Restored by hand while painsearch is stopped: moved back out of the trash.
        Files.move(corpus.resolve(".trash/notes/" + id + ".md"), corpus.resolve("notes/" + id + ".md"),
                StandardCopyOption.ATOMIC_MOVE);
        try (var library = open(corpus)) {
            library.reconcile(Library.Progress.NONE);
            assertThat(hits(library, "tingling")).isEqualTo(1);
        }
    }

    @Test
    void aFileWhoseSizeAndTimeAreThoseIndexedIsNotReadButCheckStillHashesIt() throws Exception {
        Path corpus = TestCorpus.write(dir);
        Path sleep = corpus.resolve("articles/sleep-pain.md");
        Path crps = corpus.resolve("articles/crps-guide.md");
        // Files last changed an hour ago, so the rebuild can trust their stamps.
        var anHourAgo = java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600));
        try (var files = Files.list(corpus.resolve("articles"))) {
            for (Path f : files.toList()) {
                Files.setLastModifiedTime(f, anHourAgo);
            }
        }
        try (var library = open(corpus)) {
            library.rebuild(Library.Progress.NONE);
            assertThat(library.engine().indexedFiles().get("sleep-pain").stamp())
                    .isEqualTo(org.painsearch.corpus.FileStamp.of(sleep));
        }
        // While stopped: one file rewritten to the same size with its time put back (nothing a stamp can see), and
        // one edited as usual.
        String text = Files.readString(sleep);
        Files.writeString(sleep, text.replace("sleep", "SLEEP"));
        Files.setLastModifiedTime(sleep, anHourAgo);
        Files.writeString(crps, Files.readString(crps) + "\nA zeppelin passage.\n");

        try (var library = open(corpus)) {
            var fast = Reconciliation.compareFiles(library.corpus(), library.engine().indexedFiles(), n -> { });
            assertThat(fast.stale()).as("only the stamp that changed is hashed").containsExactly(crps);
            var full = Reconciliation.compare(library.corpus(), library.engine().contentVersions());
            assertThat(full.stale()).as("check hashes every file").containsExactlyInAnyOrder(sleep, crps);

            library.reconcile(Library.Progress.NONE);
            assertThat(hits(library, "zeppelin")).isEqualTo(1);
            assertThat(library.engine().indexedFiles().get("crps-guide").stamp()).as("changed just now: hashed next time")
                    .isNull();
        }
    }

    @Test
    void filesReadWhileTheyCouldStillChangeAreStampedOnceTheyHaveSettled() throws Exception {
        TestCorpus.library(dir).close(); // written and indexed at once: too fresh to be trusted by their stamps
        Path corpus = dir.resolve("corpus");
        Path sleep = corpus.resolve("articles/sleep-pain.md");
        try (var library = open(corpus)) {
            assertThat(library.engine().indexedFiles().get("sleep-pain").stamp()).isNull();
        }
        Files.setLastModifiedTime(sleep, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(60)));

        try (var library = open(corpus)) {
            var outcome = library.reconcile(Library.Progress.NONE);

            assertThat(outcome.found().none()).isTrue();
            assertThat(outcome.found().unstamped()).containsOnlyKeys(sleep);
            library.engine().flush();
            assertThat(library.engine().indexedFiles().get("sleep-pain").stamp())
                    .isEqualTo(org.painsearch.corpus.FileStamp.of(sleep));
        }
        try (var library = open(corpus)) {
            assertThat(library.reconcile(Library.Progress.NONE).found().unstamped()).as("committed").isEmpty();
        }
    }
}
