package org.painsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.corpus.DocType;
import org.painsearch.corpus.Document;
import org.painsearch.index.Fields;
import org.painsearch.index.IndexService;
import org.painsearch.index.Indexer;

/** The four facets counted in one pass over a search's hits, each exactly over those hits. */
class FacetCounterTest {
    @TempDir
    Path dir;

    private static Document doc(String id, DocType type, String source, int year, List<String> tags, String body) {
        return new Document(id, type, "Title " + id, null, List.of(), year == 0 ? null : LocalDate.of(year, 3, 1),
                source, tags, null, null, null, body + "\n", List.of(), null);
    }

    private static Map<String, Map<String, Long>> counts(IndexService index, String word) throws IOException {
        return index.withSearcher(searcher -> FacetCounter.count(searcher, FacetCounter.matching(searcher,
                new BooleanQuery.Builder().add(new TermQuery(new Term(Fields.BODY, word)), Occur.MUST)
                        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOC)), Occur.FILTER).build())));
    }

    @Test
    void everyDimensionIsCountedOverExactlyTheHits() throws Exception {
        try (var index = IndexService.openWritable(dir.resolve("index"))) {
            var indexer = new Indexer(index, null);
            indexer.write(doc("a", DocType.ARTICLE, "Pain Letters", 2019, List.of("crps", "touch"), "oxytocin gate"), "1");
            indexer.write(doc("b", DocType.ARTICLE, "Pain Letters", 2021, List.of("touch"), "oxytocin"), "1");
            indexer.write(doc("c", DocType.NOTE, null, 0, List.of("touch", "sleep"), "oxytocin"), "1");
            indexer.write(doc("d", DocType.ARTICLE, "Other Journal", 2023, List.of("crps"), "gate"), "1");
            indexer.flush();
            index.awaitVisible(indexer.write(doc("e", DocType.ARTICLE, "Other Journal", 2020, List.of(), "gate"), "1"));

            var oxytocin = counts(index, "oxytocin");
            assertThat(oxytocin.keySet()).containsExactly("type", "tag", "source", "year");
            assertThat(oxytocin.get("type")).containsExactly(Map.entry("article", 2L), Map.entry("note", 1L));
            // Largest first, equal counts by label; a tag counted once per document that has it.
            assertThat(oxytocin.get("tag")).containsExactly(Map.entry("touch", 3L), Map.entry("crps", 1L),
                    Map.entry("sleep", 1L));
            assertThat(oxytocin.get("source")).containsExactly(Map.entry("Pain Letters", 2L));
            // Years are a timeline: newest first.
            assertThat(oxytocin.get("year")).containsExactly(Map.entry("2021", 1L), Map.entry("2019", 1L));

            // Documents in two segments (one flushed, one not yet): counted across both.
            var gate = counts(index, "gate");
            assertThat(gate.get("type")).containsExactly(Map.entry("article", 3L));
            assertThat(gate.get("source")).containsExactly(Map.entry("Other Journal", 2L), Map.entry("Pain Letters", 1L));
            assertThat(gate.get("year")).containsExactly(Map.entry("2023", 1L), Map.entry("2020", 1L),
                    Map.entry("2019", 1L));
            assertThat(gate.get("tag")).containsExactly(Map.entry("crps", 2L), Map.entry("touch", 1L));

            assertThat(counts(index, "absent")).allSatisfy((dim, values) -> assertThat(values).isEmpty());
        }
    }

    @Test
    void hitsGatheredSliceBySliceAreCountedSliceBySliceToTheSameCounts() throws Exception {
        try (var index = IndexService.openWritable(dir.resolve("index"))) {
            var indexer = new Indexer(index, null);
            long generation = 0;
            for (int i = 0; i < 40; i++) {
                // 40 documents over four segments; tags t0-t3 and years 2016-2020 spread across all of them.
                generation = indexer.write(doc("n" + i, i % 4 == 0 ? DocType.NOTE : DocType.ARTICLE,
                        i % 4 == 0 ? null : "J" + i % 3, 2016 + i % 5, List.of("t" + i % 4, "all"), "oxytocin"), "1");
                if (i % 10 == 9) {
                    indexer.flush();
                }
            }
            index.awaitVisible(generation);
            var query = new BooleanQuery.Builder().add(new TermQuery(new Term(Fields.BODY, "oxytocin")), Occur.MUST)
                    .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOC)), Occur.FILTER).build();
            index.withSearcher(searcher -> {
                // Each segment its own slice, as a wide searcher keeps them, whatever the cores of this machine.
                var bySegment = new IndexSearcher(searcher.getIndexReader(), Runnable::run) {
                    @Override
                    protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
                        return IndexSearcher.slices(leaves, 1, 1, false);
                    }
                };
                var sliced = bySegment.search(query, new FacetCounter.HitsManager());
                assertThat(sliced.slices()).hasSizeGreaterThan(1);
                assertThat(sliced.total()).isEqualTo(40);
                var bySlice = FacetCounter.count(searcher, sliced, 0);
                assertThat(bySlice).isEqualTo(FacetCounter.count(searcher, FacetCounter.matching(searcher, query)))
                        .isEqualTo(FacetCounter.count(searcher, sliced)); // few hits: counted all at once
                assertThat(bySlice.get("type")).containsExactly(Map.entry("article", 30L), Map.entry("note", 10L));
                assertThat(bySlice.get("tag")).containsExactly(Map.entry("all", 40L), Map.entry("t0", 10L),
                        Map.entry("t1", 10L), Map.entry("t2", 10L), Map.entry("t3", 10L));
                assertThat(bySlice.get("source")).containsExactly(Map.entry("J0", 10L), Map.entry("J1", 10L),
                        Map.entry("J2", 10L));
                assertThat(bySlice.get("year")).containsExactly(Map.entry("2020", 8L), Map.entry("2019", 8L),
                        Map.entry("2018", 8L), Map.entry("2017", 8L), Map.entry("2016", 8L));
                return null;
            });
        }
    }

    @Test
    void aValueHoldingTheFacetSeparatorIsLeftOutOfTheCountsAndTheDocumentIsStillIndexed() throws Exception {
        try (var index = IndexService.openWritable(dir.resolve("index"))) {
            var indexer = new Indexer(index, null);
            index.awaitVisible(indexer.write(doc("a", DocType.ARTICLE, "Odd\u001FJournal", 2020, List.of("x\u001Fy", "touch"),
                    "oxytocin"), "1"));
            var counts = counts(index, "oxytocin");
            assertThat(counts.get("type")).containsExactly(Map.entry("article", 1L));
            assertThat(counts.get("tag")).containsExactly(Map.entry("touch", 1L));
            assertThat(counts.get("source")).isEmpty();
            int bySource = index.withSearcher(s -> s.count(new TermQuery(new Term(Fields.SOURCE, "Odd\u001FJournal"))));
            assertThat(bySource).isEqualTo(1);
        }
    }

    @Test
    void aDimensionNoDocumentHasAndAnEmptyIndexGiveEmptyCounts() throws Exception {
        try (var index = IndexService.openWritable(dir.resolve("index"))) {
            assertThat(counts(index, "oxytocin")).containsOnlyKeys("type", "tag", "source", "year")
                    .allSatisfy((dim, values) -> assertThat(values).isEmpty());
            var indexer = new Indexer(index, null);
            index.awaitVisible(indexer.write(doc("a", DocType.NOTE, null, 0, List.of(), "oxytocin"), "1"));
            var counts = counts(index, "oxytocin");
            assertThat(counts.get("type")).containsExactly(Map.entry("note", 1L));
            assertThat(counts.get("tag")).isEmpty();
            assertThat(counts.get("source")).isEmpty();
            assertThat(counts.get("year")).isEmpty();
        }
    }
}
