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
}
