package org.painsearch.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.corpus.DocType;
import org.painsearch.corpus.Document;
import org.painsearch.corpus.Segment;

class IndexServiceTest {
    @TempDir
    Path dir;

    private Path indexDir() {
        return dir.resolve("index");
    }

    private static Document article(String id) {
        return new Document(id, DocType.ARTICLE, "Article " + id, null, List.of(), null, null, List.of(), null, null,
                null, "Body of " + id + ".\n", List.of(), null);
    }

    private static Document podcast(String id, String title, int segments) {
        var parts = new ArrayList<Segment>();
        for (int i = 0; i < segments; i++) {
            parts.add(new Segment(60L * i, "Topic number " + i));
        }
        return new Document(id, DocType.PODCAST, title, null, List.of(), null, null, List.of(), null, null,
                new Document.PodcastInfo("Touch Matters", "1", null, null), "Show notes.\n", parts, null);
    }

    private static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }

    private static Query both(Query a, Query b) {
        return new BooleanQuery.Builder().add(a, Occur.FILTER).add(b, Occur.FILTER).build();
    }

    /** Ids of the whole documents (not segments), sorted. */
    private static List<String> ids(IndexSearcher searcher) throws IOException {
        var ids = new ArrayList<String>();
        for (ScoreDoc sd : searcher.search(term(Fields.KIND, Fields.KIND_DOC), 1000).scoreDocs) {
            ids.add(searcher.storedFields().document(sd.doc).get(Fields.ID));
        }
        return ids.stream().sorted().toList();
    }

    private static List<String> ids(IndexService index) throws IOException {
        return index.withSearcher(IndexServiceTest::ids);
    }

    /** Ids in the last commit on disk, read without the service. */
    private static List<String> committedIds(Path indexDir) throws IOException {
        try (var directory = FSDirectory.open(indexDir); IndexReader reader = DirectoryReader.open(directory)) {
            return ids(new IndexSearcher(reader));
        }
    }

    /** Writes through the one write path and waits on the write's generation, as a note save does. */
    private static void write(IndexService index, Document d) throws IOException {
        assertThat(index.awaitVisible(index.upsert(d.id(), DocumentMapper.toBlock(d, List.of(), "v-" + d.id())))).isTrue();
    }

    private static void rebuild(IndexService index, List<Document> docs, Indexer.Progress progress) throws IOException {
        new Indexer(index, null).rebuild(docs, java.util.Map.of(), progress);
    }

    private static int count(IndexService index, Query query) throws IOException {
        return index.withSearcher(s -> s.count(query));
    }

    /** A document list whose iteration fails after handing out the first document, like a disk failing midway. */
    private static List<Document> failingAfterFirst(RuntimeException failure, Document... docs) {
        return new ArrayList<>(List.of(docs)) {
            @Override
            public Document get(int index) {
                if (index == 1) {
                    throw failure;
                }
                return super.get(index);
            }
        };
    }

    @Test
    void upsertAddsAndReplacesWithoutDuplicates() throws Exception {
        try (var index = IndexService.openWritable(indexDir())) {
            write(index, article("a"));
            write(index, article("b"));
            write(index, article("a"));

            assertThat(ids(index)).containsExactly("a", "b");
        }
    }

    @Test
    void upsertReplacesAPodcastsSegmentsToo() throws Exception {
        Query segmentsOfPod = both(term(Fields.ROOT, "pod"), term(Fields.KIND, Fields.KIND_SEGMENT));
        try (var index = IndexService.openWritable(indexDir())) {
            write(index, podcast("pod", "First title", 3));
            write(index, podcast("other", "Other", 2));
            assertThat(count(index, segmentsOfPod)).isEqualTo(3);

            write(index, podcast("pod", "Second title", 1));

            assertThat(count(index, segmentsOfPod)).isEqualTo(1);
            assertThat(count(index, term(Fields.KIND, Fields.KIND_SEGMENT))).isEqualTo(3);
            assertThat(ids(index)).containsExactly("other", "pod");
            String title = index.withSearcher(s -> s.storedFields()
                    .document(s.search(term(Fields.ID, "pod"), 1).scoreDocs[0].doc).get(Fields.TITLE));
            assertThat(title).isEqualTo("Second title");
        }
    }

    @Test
    void rebuildReplacesEverything() throws Exception {
        try (var index = IndexService.openWritable(indexDir())) {
            write(index, article("old"));
            var progress = new ArrayList<Integer>();

            rebuild(index, List.of(article("a"), podcast("b", "B", 2)), progress::add);

            assertThat(progress).containsExactly(1, 2);
            assertThat(ids(index)).containsExactly("a", "b");
            assertThat(committedIds(indexDir())).containsExactly("a", "b");
        }
    }

    @Test
    void aRebuiltIndexGoesInMergedSoTheNextStartHasNoMergeToDo() throws Exception {
        // The writer that builds a new index commits on close, after the merges under way: closed without, its merges
        // were dropped and every later start of a 100k library spent seconds merging the pile again.
        assertThat(IndexService.rebuildConfig().getCommitOnClose()).isTrue();
        try (var index = IndexService.openWritable(indexDir())) {
            index.rebuild(builder -> {
                for (int i = 0; i < 40; i++) {
                    builder.addDocuments(DocumentMapper.toBlock(article("a" + i), List.of(), "v"));
                    builder.flush(); // a segment per document: far more than a tier holds
                }
            }, () -> { });
        }
        var config = new org.apache.lucene.index.IndexWriterConfig()
                .setMergeScheduler(org.apache.lucene.index.NoMergeScheduler.INSTANCE);
        try (var directory = FSDirectory.open(indexDir());
             var writer = new org.apache.lucene.index.IndexWriter(directory, config)) {
            writer.maybeMerge();
            assertThat(writer.hasPendingMerges()).as("merges the merge policy still wants").isFalse();
        }
        assertThat(committedIds(indexDir())).hasSize(40);
    }

    @Test
    void failedRebuildLeavesTheLastCommitForNewReaders() throws Exception {
        var failure = new IllegalStateException("disk failed midway");
        try (var index = IndexService.openWritable(indexDir())) {
            rebuild(index, List.of(article("a"), article("b")), done -> { });

            assertThatThrownBy(() -> rebuild(index, failingAfterFirst(failure, article("c"), article("d")), done -> { }))
                    .isSameAs(failure);

            try (var fresh = IndexService.openReadOnly(indexDir())) {
                assertThat(ids(fresh)).containsExactly("a", "b");
            }
            assertThat(ids(index)).containsExactly("a", "b");
        }
    }

    @Test
    void serviceKeepsWorkingAfterAFailedRebuild() throws Exception {
        // A server's reindex can fail (full disk, a document that cannot be mapped); the server must still index.
        try (var index = IndexService.openWritable(indexDir())) {
            rebuild(index, List.of(article("a"), article("b")), done -> { });
            assertThatThrownBy(() -> rebuild(index, failingAfterFirst(new IllegalStateException("boom"), article("c"),
                    article("d")), done -> { })).hasMessage("boom");

            write(index, article("e"));
            index.commit();

            assertThat(ids(index)).containsExactly("a", "b", "e");
            assertThat(committedIds(indexDir())).containsExactly("a", "b", "e");
        }
    }

    @Test
    void readersDoNotSeeARebuildBeforeItIsCommitted() throws Exception {
        try (var index = IndexService.openWritable(indexDir())) {
            rebuild(index, List.of(article("a"), article("b")), done -> { });
            var seenOnDisk = new ArrayList<List<String>>();
            var seenBySearchers = new ArrayList<List<String>>();

            rebuild(index, List.of(article("c"), article("d"), article("e")), done -> {
                try {
                    seenOnDisk.add(committedIds(indexDir()));
                    seenBySearchers.add(ids(index));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });

            assertThat(seenOnDisk).containsExactly(List.of("a", "b"), List.of("a", "b"), List.of("a", "b"));
            assertThat(seenBySearchers).containsExactly(List.of("a", "b"), List.of("a", "b"), List.of("a", "b"));
            assertThat(committedIds(indexDir())).containsExactly("c", "d", "e");
            assertThat(ids(index)).containsExactly("c", "d", "e");
        }
    }

    @Test
    void refreshDuringARebuildStillShowsOnlyTheLastCommit() throws Exception {
        // refresh() promises commits only; a background refresh must not publish a half-built index.
        try (var index = IndexService.openWritable(indexDir())) {
            rebuild(index, List.of(article("a"), article("b")), done -> { });
            var seen = new ArrayList<List<String>>();

            rebuild(index, List.of(article("c"), article("d")), done -> {
                try {
                    index.refresh();
                    seen.add(ids(index));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });

            assertThat(seen).containsExactly(List.of("a", "b"), List.of("a", "b"));
            assertThat(ids(index)).containsExactly("c", "d");
        }
    }

    @Test
    void secondWriterOnTheSameFolderIsBusy() throws Exception {
        try (var first = IndexService.openWritable(indexDir())) {
            assertThatThrownBy(() -> IndexService.openWritable(indexDir()))
                    .isInstanceOf(IndexBusyException.class)
                    .hasMessage("the index at " + indexDir() + " is in use by another painsearch process");
            write(first, article("a"));
        }
        try (var again = IndexService.openWritable(indexDir())) {
            assertThat(ids(again)).containsExactly("a");
        }
    }

    @Test
    void readOnlyServiceSeesNewCommitsAfterRefreshAndRefusesWrites() throws Exception {
        try (var writable = IndexService.openWritable(indexDir())) {
            write(writable, article("a"));
            writable.commit();
            try (var readOnly = IndexService.openReadOnly(indexDir())) {
                write(writable, article("b"));
                writable.commit();
                assertThat(ids(readOnly)).containsExactly("a");

                readOnly.refresh();

                assertThat(ids(readOnly)).containsExactly("a", "b");
                assertThatThrownBy(() -> write(readOnly, article("c")))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessage("index opened read-only");
            }
        }
    }

    @Test
    void readOnlyOpenOfAFolderWithoutIndexSaysHowToBuildOne() throws IOException {
        Files.createDirectories(indexDir());

        assertThatThrownBy(() -> IndexService.openReadOnly(indexDir()))
                .isInstanceOf(IOException.class)
                .hasMessage("there is no index at " + indexDir() + " (run: ./painsearch reindex)");
    }

    @Test
    void isCurrentOnlyForACommittedIndexWithDocumentsAndTheCurrentSchema() throws Exception {
        assertThat(IndexService.isCurrent(indexDir())).isFalse();
        Files.createDirectories(indexDir());
        assertThat(IndexService.isCurrent(indexDir())).isFalse();

        try (var index = IndexService.openWritable(indexDir())) {
            assertThat(IndexService.isCurrent(indexDir())).isFalse();

            rebuild(index, List.of(article("a")), done -> { });

            assertThat(IndexService.isCurrent(indexDir())).isTrue();
        }
    }

    @Test
    void indexFromAnotherSchemaVersionIsNotCurrent() throws Exception {
        try (var index = IndexService.openWritable(indexDir())) {
            rebuild(index, List.of(article("a")), done -> { });
        }
        try (var directory = FSDirectory.open(indexDir());
             var writer = new IndexWriter(directory, new IndexWriterConfig(Analysis.indexAnalyzer()))) {
            writer.setLiveCommitData(java.util.Map.of(Fields.SCHEMA_KEY, "0").entrySet());
            writer.commit();
        }

        assertThat(IndexService.isCurrent(indexDir())).isFalse();
    }
}
