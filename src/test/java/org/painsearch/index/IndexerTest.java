package org.painsearch.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.corpus.DocType;
import org.painsearch.corpus.Document;

/** The one write path: generations, commits per batch rather than per document, versions, writes during a rebuild. */
class IndexerTest {
    @TempDir
    Path dir;

    private static Document article(String id, String body) {
        return new Document(id, DocType.ARTICLE, "Article " + id, null, List.of(), null, null, List.of(), null, null,
                null, body + "\n", List.of(), null);
    }

    private static List<String> ids(IndexSearcher s) throws IOException {
        var out = new ArrayList<String>();
        for (var sd : s.search(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOC)), 100).scoreDocs) {
            out.add(s.storedFields().document(sd.doc).get(Fields.ID));
        }
        return out.stream().sorted().toList();
    }

    private List<String> committedIds() throws IOException {
        try (var d = FSDirectory.open(dir.resolve("index")); var r = DirectoryReader.open(d)) {
            return ids(new IndexSearcher(r));
        }
    }

    @Test
    void aWriteIsSearchableOnceItsGenerationIsVisibleAndCommittedAtTheEndOfTheBatch() throws Exception {
        try (var index = IndexService.openWritable(dir.resolve("index"))) {
            var indexer = new Indexer(index, null);
            long generation = indexer.write(article("a", "tingling hands"), "v1");

            assertThat(index.awaitVisible(generation)).as("visible within the second").isTrue();
            assertThat(index.withSearcher(IndexerTest::ids)).containsExactly("a");
            assertThat(committedIds()).as("no commit per document").isEmpty();

            indexer.flush();

            assertThat(committedIds()).containsExactly("a");
            assertThat(index.contentVersions()).isEqualTo(Map.of("a", "v1"));
            assertThat(index.awaitVisible(indexer.delete("a"))).isTrue();
            assertThat(index.contentVersions()).isEmpty();
        }
    }

    @Test
    void closingCommitsWhatWasWritten() throws Exception {
        try (var index = IndexService.openWritable(dir.resolve("index"))) {
            new Indexer(index, null).write(article("a", "text"), "v1");
        }
        assertThat(committedIds()).containsExactly("a");
    }

    @Test
    void writesDuringARebuildAreAppliedAfterTheSwap() throws Exception {
        try (var index = IndexService.openWritable(dir.resolve("index"))) {
            var indexer = new Indexer(index, null);
            indexer.write(article("gone", "old"), "v0");
            indexer.write(article("kept", "old"), "v0");
            indexer.flush();
            var seenDuring = new CopyOnWriteArrayList<List<String>>();

            indexer.rebuild(List.of("kept", "gone", "meanwhile"), item -> {
                if (!item.equals("meanwhile")) {
                    return new Indexer.Entry(article(item, "rebuilt text"), "v1", null);
                }
                // A note saved and one deleted while the rebuild runs, say from the page.
                indexer.awaitVisible(indexer.write(article("saved", "written meanwhile"), "v2"));
                indexer.awaitVisible(indexer.write(article("kept", "edited meanwhile"), "v2"));
                indexer.awaitVisible(indexer.delete("gone"));
                seenDuring.add(index.withSearcher(IndexerTest::ids));
                return null;
            }, done -> { });

            assertThat(seenDuring).containsExactly(List.of("kept", "saved"));
            assertThat(index.withSearcher(IndexerTest::ids)).containsExactly("kept", "saved");
            assertThat(index.contentVersions()).isEqualTo(Map.of("kept", "v2", "saved", "v2"));
            assertThat(committedIds()).containsExactly("kept", "saved");
        }
    }

    @Test
    void aRebuildOnEveryCoreCountsEachItemOnceInOrderAndLeavesOutWhatCouldNotBeRead() throws Exception {
        try (var index = IndexService.openWritable(dir.resolve("index"))) {
            var items = java.util.stream.IntStream.range(0, 200).mapToObj(i -> "doc-" + i).toList();
            var steps = new CopyOnWriteArrayList<Integer>();
            var stages = new CopyOnWriteArrayList<String>();
            new Indexer(index, null).rebuild(items, item -> item.endsWith("7") ? null
                    : new Indexer.Entry(article(item, "text of " + item), "v1", null), new Indexer.Progress() {
                        @Override
                        public void step(int done) {
                            steps.add(done);
                        }

                        @Override
                        public void stage(String name, int total) {
                            stages.add(name + " " + total);
                        }
                    });

            assertThat(stages).containsExactly("Writing the index 200");
            assertThat(steps).isEqualTo(java.util.stream.IntStream.rangeClosed(1, 200).boxed().toList());
            assertThat(index.contentVersions()).hasSize(180).doesNotContainKey("doc-7").containsKey("doc-8");
        }
    }
}
