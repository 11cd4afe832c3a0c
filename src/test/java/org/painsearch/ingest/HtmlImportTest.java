package org.painsearch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.corpus.TextFiles;

/** Saved web pages given to {@code import}: an article is stored, a page that is not one is skipped with its reason. */
class HtmlImportTest {
    @TempDir
    Path dir;

    @Test
    void aSavedListOfLinksIsSkippedWithWhatItIsAndNothingIsWritten() throws IOException {
        var links = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            links.append("<li><a href=\"https://clinic.example/notes/%d\">Clinic note %d about touch</a></li>".formatted(i, i));
        }
        Path page = Files.writeString(dir.resolve("bookmarks.html"),
                "<html><head><title>Bookmarks</title></head><body><ul>" + links + "</ul></body></html>");
        var store = new CorpusStore(dir.resolve("corpus"));

        var outcomes = new Importer(store, TextFiles.DEFAULT_MAX_BYTES).importAll(List.of(page), o -> { });

        assertThat(outcomes).singleElement().isInstanceOfSatisfying(ImportOutcome.Skipped.class,
                s -> assertThat(s.reason()).startsWith("a list of links").endsWith("not an article"));
        assertThat(store.documentFiles()).isEmpty();
    }

    @Test
    void aSavedArticleIsStoredWithoutItsBylineOrShareBar() throws IOException {
        Path page = Files.writeString(dir.resolve("article.html"), """
                <html><head><title>Slow touch and calm | Body Notes</title>
                <meta property="og:site_name" content="Body Notes"></head><body><article>
                <h1>Slow touch and calm</h1><p class="byline">By Mara Quill</p>
                <div class="share-tools"><a href="#">Share</a></div>
                <p>Slow stroking of the skin activates nerve fibres that seem to exist for pleasant touch, and people \
                describe it as calming rather than merely ticklish.</p>
                <p>For a client in pain, that calm can be the first step toward moving again without bracing.</p>
                </article></body></html>
                """);
        var store = new CorpusStore(dir.resolve("corpus"));

        var outcomes = new Importer(store, TextFiles.DEFAULT_MAX_BYTES).importAll(List.of(page), o -> { });

        assertThat(outcomes).singleElement().isInstanceOfSatisfying(ImportOutcome.Imported.class, i -> {
            assertThat(i.document().title()).isEqualTo("Slow touch and calm");
            assertThat(i.document().authors()).containsExactly("Mara Quill");
            assertThat(i.document().body()).startsWith("Slow stroking").doesNotContain("By Mara", "Share");
        });
    }
}
