package org.painsearch.engine.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.TestCorpus;
import org.painsearch.Libraries;
import org.painsearch.app.Library;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.engine.SearchRequest;
import org.painsearch.index.IndexService;

/**
 * A query whose synonyms make more clauses than one search may hold is refused with a message saying what to do,
 * never Lucene's own exception: the web answers it with 400 and the CLI prints it.
 */
class TooBroadQueryTest {
    private static final int WORDS = 60;
    private static final int SYNONYMS = 25;

    @TempDir
    Path dir;

    @Test
    void aQueryExpandingPastTheClauseLimitIsRefusedWithAMessage() throws Exception {
        Path corpus = dir.resolve("corpus");
        TestCorpus.file(corpus, "articles/calm.md", """
                ---
                id: calm
                type: article
                title: "Slow breathing"
                ---
                Slow breathing before a session calms w00.
                """);
        // Every word of the query has many synonyms of two words: each becomes a phrase in every field searched.
        var rules = new ArrayList<String>();
        var words = new ArrayList<String>();
        for (int w = 0; w < WORDS; w++) {
            String word = "w%02d".formatted(w);
            words.add(word);
            var group = new ArrayList<>(List.of(word));
            for (int s = 0; s < SYNONYMS; s++) {
                group.add(word + "x" + s + " y" + s); // several words: a phrase per synonym
            }
            rules.add(String.join(", ", group));
        }
        Files.writeString(corpus.resolve("synonyms.txt"), String.join("\n", rules) + "\n");
        try (var library = Libraries.open(new CorpusStore(corpus), IndexService.openWritable(dir.resolve("index")))) {
            library.rebuild(Library.Progress.NONE);
            var engine = library.engine();
            // A few of those words are a fine search.
            assertThat(engine.search(SearchRequest.of("w00 breathing")).hits()).hasSize(1);
            var request = SearchRequest.of(String.join(" ", words));
            for (var search : List.<ThrowingSearch>of(engine::search, engine::rank)) {
                assertThatThrownBy(() -> search.run(request))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("expands to too many terms for one search");
            }
        }
    }

    @FunctionalInterface
    private interface ThrowingSearch {
        Object run(SearchRequest request) throws Exception;
    }
}
