package org.painsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.Libraries;
import org.painsearch.TestCorpus;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.engine.SearchRequest;
import org.painsearch.engine.SearchResponse;
import org.painsearch.engine.SortOrder;
import org.painsearch.index.IndexService;

/** Equal scores come in the order of their ids, whatever order the documents were indexed in. */
class TieOrderTest {
    @TempDir
    Path dir;

    @Test
    void documentsScoringTheSameAreListedByIdAcrossPagesWhateverTheIndexOrder() throws Exception {
        Path corpus = dir.resolve("corpus");
        var files = new ArrayList<Path>();
        for (String id : List.of("tie-a", "tie-b", "tie-c", "tie-d", "tie-e")) {
            // The same title and text: every one of them scores the same for any of their words.
            files.add(TestCorpus.file(corpus, "articles/" + id + ".md", """
                    ---
                    id: %s
                    type: article
                    title: "Lavender and slow breathing"
                    published: 2020-01-01
                    ---
                    Slow breathing with lavender before a session.
                    """.formatted(id)));
        }
        try (var library = Libraries.open(new CorpusStore(corpus), IndexService.openWritable(dir.resolve("index")))) {
            for (Path file : files.reversed()) { // indexed last to first: index order is the reverse of id order
                library.syncFile(file);
            }
            library.engine().flush();
            for (SortOrder sort : SortOrder.values()) {
                var pages = new ArrayList<String>();
                for (int page = 1; page <= 3; page++) {
                    var r = library.engine().search(new SearchRequest("lavender", List.of(), List.of(), List.of(),
                            null, sort, page, 2));
                    r.hits().stream().map(SearchResponse.Hit::id).forEach(pages::add);
                }
                assertThat(pages).as("by " + sort).containsExactly("tie-a", "tie-b", "tie-c", "tie-d", "tie-e");
            }
        }
    }
}
