package org.painsearch.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.corpus.DocType;
import org.painsearch.corpus.Document;
import org.painsearch.engine.SearchRequest;
import org.painsearch.engine.SearchResponse;
import org.painsearch.index.IndexService;
import org.painsearch.index.Indexer;
import org.painsearch.index.ParallelSearch;
import org.painsearch.index.Synonyms;

/**
 * A search spread over the cores ({@link ParallelSearch}) answers exactly as one on a single thread: the same total,
 * facet counts (added up over the slices) and hits in the same order with the same scores.
 */
class WideSearchTest {
    private static final String MIN_ENTRIES = "painsearch.search.parallelMinEntries";
    private static final String[] WORDS = {"touch", "pain", "sleep", "oxytocin", "massage", "nerve", "stress",
            "gentle", "pressure", "relief"};
    private static final List<String> TAGS = List.of("touch", "sleep", "crps", "stress", "education");

    @TempDir
    Path dir;

    @AfterEach
    void restoreThreshold() {
        System.clearProperty(MIN_ENTRIES);
    }

    // Document i: one of six texts, so the documents match the queries to different degrees and every score is
    // shared by many documents in different segments (ties, ordered by id whatever the threads).
    private static Document doc(int i) {
        int text = i % 6;
        var body = new StringBuilder();
        for (int w = 0; w < WORDS.length; w++) {
            if ((text + w) % 3 == 0 || (text * w) % 7 == 1) {
                body.append(WORDS[w]).append(text % 4 == 0 ? " and " + WORDS[w] : "").append(". ");
            }
        }
        DocType type = i % 5 == 0 ? DocType.NOTE : DocType.ARTICLE;
        return new Document("doc-" + i, type, "Title " + i, null, List.of(),
                i % 6 == 0 ? null : LocalDate.of(2010 + i % 9, 1 + i % 12, 1), type == DocType.NOTE ? null : "Journal " + i % 4,
                List.of(TAGS.get(i % TAGS.size()), TAGS.get((i / 2) % TAGS.size())), null, null, null,
                body + "\n", List.of(), null);
    }

    private static SearchResponse search(SearchService service, String query, int page, boolean wide)
            throws IOException {
        System.setProperty(MIN_ENTRIES, wide ? "1" : String.valueOf(Integer.MAX_VALUE));
        return service.search(new SearchRequest(query, List.of(), null, page, 10, null, false));
    }

    private static List<String> idsAndScores(SearchResponse r) {
        return r.hits().stream().map(h -> h.id() + "=" + h.score()).toList();
    }

    @Test
    void questionsAndShortQueriesAnswerTheSameOnOneThreadAndSpreadOverTheCores() throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() > 1,
                "one core: searches are never spread, there is nothing to compare");
        try (var index = IndexService.openWritable(dir.resolve("index"))) {
            var indexer = new Indexer(index, null);
            long generation = 0;
            for (int i = 0; i < 120; i++) {
                generation = indexer.write(doc(i), "1");
                if (i % 30 == 29) {
                    indexer.flush(); // four segments
                }
            }
            index.awaitVisible(generation);
            int segments = index.withSearcher(s -> s.getIndexReader().leaves().size());
            assertThat(segments).isGreaterThan(1);
            System.setProperty(MIN_ENTRIES, "1");
            boolean wide = index.withSearcher(s -> ParallelSearch.isWide(s.getIndexReader()));
            assertThat(wide).isTrue();

            var service = new SearchService(index, new Synonyms(dir.resolve("synonyms.txt")));
            for (String query : List.of("how does gentle touch ease pain and sleep", "massage nerve relief stress",
                    "touch pain", "oxytocin")) {
                for (int page = 1; page <= 2; page++) {
                    var one = search(service, query, page, false);
                    var spread = search(service, query, page, true);
                    assertThat(spread.total()).as(query).isEqualTo(one.total()).isGreaterThan(10);
                    assertThat(spread.facets()).as(query).isEqualTo(one.facets());
                    assertThat(idsAndScores(spread)).as(query).isEqualTo(idsAndScores(one)).isNotEmpty();
                    assertThat(spread.hits().stream().map(SearchResponse.Hit::score).distinct().count())
                            .as("ties on the page of " + query).isLessThan(spread.hits().size());
                    // Each dimension adds up to the total (every document has one type).
                    assertThat(spread.facets().get("type").values().stream().mapToLong(Long::longValue).sum())
                            .isEqualTo(spread.total());
                }
            }
        }
    }
}
