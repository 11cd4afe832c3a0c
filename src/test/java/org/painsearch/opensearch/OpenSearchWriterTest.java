package org.painsearch.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.painsearch.corpus.DocType;
import org.painsearch.corpus.Document;
import org.painsearch.corpus.FileStamp;
import org.painsearch.corpus.Segment;
import org.painsearch.index.Fields;
import org.painsearch.index.Indexer;
import tools.jackson.databind.node.ObjectNode;

/** Writing painsearch's documents to a real node: blocks, replacement, deletion, versions, busy retries, rebuilds. */
@OpenSearchTest
class OpenSearchWriterTest {
    private static final String ALIAS = "writer-test";
    private static final int DIMENSION = 8;
    private static final IndexDefinition DEFINITION = IndexDefinition.of(1, 0, DIMENSION);
    private OpenSearchClient client;
    private OpenSearchWriter writer;

    @BeforeEach
    void createIndex(OpenSearchCluster cluster) throws Exception {
        client = cluster.client();
        client.indices().create(c -> c.index(ALIAS + "-first").settings(DEFINITION.settings())
                .mappings(DEFINITION.mappings()).aliases(ALIAS, a -> a));
        writer = new OpenSearchWriter(client, ALIAS);
    }

    @AfterEach
    void deleteIndices() throws Exception {
        client.indices().delete(d -> d.index(ALIAS + "-*").ignoreUnavailable(true).allowNoIndices(true));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aDocumentIsWrittenWithItsSegmentsAndPassagesAndItsFieldsAsTheEmbeddedIndexHasThem() throws Exception {
        writer.write(List.of(block(podcast("pod-touch", 3), 2, "v1")), true);

        assertThat(countRoot("pod-touch")).isEqualTo(1 + 3); // the document and its segments; passages are nested
        var source = client.get(g -> g.index(ALIAS).id("pod-touch"), Map.class).source();
        assertThat(source).containsEntry(Fields.TITLE, "Touch and the brain").containsEntry(Fields.TYPE, "podcast")
                .containsEntry(Fields.VERSION, "v1").containsEntry(Fields.FILE_SIZE, 120)
                .containsEntry(Fields.TAG, List.of("affective-touch", "c-tactile"));
        assertThat(matching(Fields.BODY, "stroking")).containsExactlyInAnyOrder("pod-touch", "pod-touch#segment-3");
        var knn = client.search(s -> s.index(ALIAS).size(5)
                .query(q -> q.nested(n -> n.path(IndexDefinition.PASSAGES).query(nq -> nq.knn(k -> k
                        .field(IndexDefinition.PASSAGE_VECTOR).vector(vector(1)).k(5))))), Map.class);
        assertThat(knn.hits().hits()).extracting(h -> h.id()).containsExactly("pod-touch");
        assertThat((List<?>) source.get(IndexDefinition.PASSAGES)).hasSize(2);
    }

    @Test
    void aShorterVersionWrittenRightAfterLeavesNoChildOfTheLongerOne() throws Exception {
        writer.write(List.of(block(podcast("pod-touch", 3), 2, "v1")), false);
        writer.write(List.of(block(podcast("pod-touch", 1), 0, "v2")), true);

        assertThat(countRoot("pod-touch")).isEqualTo(2);
        assertThat(writer.contentVersions()).containsExactly(Map.entry("pod-touch", "v2"));
    }

    @Test
    void deletingADocumentRemovesItsChildrenToo() throws Exception {
        writer.write(List.of(block(podcast("pod-touch", 3), 2, "v1"), block(article("kept"), 0, "k1")), false);
        writer.delete(List.of("pod-touch"), true);

        assertThat(countRoot("pod-touch")).isZero();
        assertThat(writer.contentVersions()).containsOnlyKeys("kept");
    }

    @Test
    void contentVersionsPageThroughEveryDocumentAndNoChild() throws Exception {
        var blocks = new ArrayList<List<org.apache.lucene.document.Document>>();
        for (int i = 0; i < 1_205; i++) {
            blocks.add(block(article(String.format("a%04d", i)), 0, "v" + i));
        }
        blocks.add(block(podcast("pod-touch", 3), 2, "p1"));
        writer.write(blocks, true);

        var versions = writer.contentVersions();
        assertThat(versions).hasSize(1_206).containsEntry("a0000", "v0").containsEntry("a1204", "v1204")
                .containsEntry("pod-touch", "p1");
    }

    @Test
    void aDocumentTheClusterRefusesIsNamedWithItsReason() {
        var block = block(article("odd-one"), 0, "v1");
        block.get(block.size() - 1).add(new StringField("not_in_the_mapping", "x", Field.Store.NO));

        assertThatThrownBy(() -> writer.write(List.of(block), true)).isInstanceOf(IOException.class)
                .hasMessageContaining("odd-one").hasMessageContaining("not_in_the_mapping")
                .hasMessageContaining("strict");
    }

    @Test
    void itemsTheClusterIsTooBusyForAreSentAgain(OpenSearchCluster cluster) throws Exception {
        var bulks = new AtomicInteger();
        try (var proxy = new AlteringProxy(cluster.connection().address(), Map.of("/_bulk", answer -> {
                 if (bulks.incrementAndGet() == 1) { // the first answer: its first item turned away as busy
                     answer.put("errors", true);
                     var item = (ObjectNode) answer.get("items").get(0).get("index");
                     item.put("status", 429);
                     item.putObject("error").put("type", "rejected_execution_exception")
                             .put("reason", "rejected execution (the test's busy cluster)");
                 }
                 return answer;
             }));
             var connection = Connection.open(proxy.address())) {
            new OpenSearchWriter(connection.client(), ALIAS)
                    .write(List.of(block(article("first"), 0, "v1"), block(article("second"), 0, "v2")), true);
        }

        assertThat(bulks).hasValue(2);
        assertThat(writer.contentVersions()).containsOnlyKeys("first", "second");
    }

    @Test
    void aRebuildMovesTheAliasInOneStepAndDeletesTheOldIndex() throws Exception {
        writer.write(List.of(block(article("old-one"), 0, "v1")), true);
        var seenDuringTheBuild = new ArrayList<String>();

        String built = AliasRebuild.rebuild(client, ALIAS, DEFINITION, into -> {
            into.write(List.of(block(article("new-one"), 0, "v1")), false);
            into.refresh();
            seenDuringTheBuild.addAll(writer.contentVersions().keySet()); // searched through the alias
        });

        assertThat(seenDuringTheBuild).containsExactly("old-one");
        assertThat(writer.contentVersions()).containsOnlyKeys("new-one");
        assertThat(AliasRebuild.current(client, ALIAS)).containsExactly(built);
        assertThat(client.indices().exists(e -> e.index(ALIAS + "-first")).value()).isFalse();
    }

    @Test
    void aFailedRebuildLeavesTheAliasWhereItWasAndNoIndexBehind() throws Exception {
        writer.write(List.of(block(article("old-one"), 0, "v1")), true);

        assertThatThrownBy(() -> AliasRebuild.rebuild(client, ALIAS, DEFINITION, into -> {
            into.write(List.of(block(article("new-one"), 0, "v1")), false);
            throw new IOException("the corpus went away");
        })).hasMessage("the corpus went away");

        assertThat(AliasRebuild.current(client, ALIAS)).containsExactly(ALIAS + "-first");
        assertThat(client.indices().get(g -> g.index(ALIAS + "-*")).result().keySet()).containsExactly(ALIAS + "-first");
        assertThat(writer.contentVersions()).containsOnlyKeys("old-one");
    }

    private static List<org.apache.lucene.document.Document> block(Document d, int passages, String version) {
        var vectors = new ArrayList<float[]>();
        for (int i = 0; i < passages; i++) {
            vectors.add(toArray(vector(i)));
        }
        return Indexer.block(d, vectors, version, new FileStamp(120, 1_700_000_000_000L), false);
    }

    private static Document podcast(String id, int segments) {
        var all = List.of(new Segment(0, "Introductions and the week's questions"),
                new Segment(750, "Why pressure feels different from stroking"),
                new Segment(1_800, "Oxytocin: what the human studies show"));
        return new Document(id, DocType.PODCAST, "Touch and the brain", "https://podcasts.example.org/touch/12",
                List.of("Lena Varga"), java.time.LocalDate.of(2023, 2, 1), "Touch Matters",
                List.of("affective-touch", "c-tactile"), null, null,
                new Document.PodcastInfo("Touch Matters", "12", null, "00:40:00"),
                "Show notes: slow stroking and C-tactile afferents.\n", all.subList(0, segments), null);
    }

    private static Document article(String id) {
        return new Document(id, DocType.ARTICLE, "Article " + id, null, List.of(), null, null, List.of(), null, null,
                null, "Central sensitisation in chronic pain.\n", List.of(), null);
    }

    // Distinct, never all zero (cosine), so the nearest to vector(i) is passage i.
    private static List<Float> vector(int i) {
        var v = new ArrayList<Float>();
        for (int d = 0; d < DIMENSION; d++) {
            v.add(d == i % DIMENSION ? 1f : 0.01f);
        }
        return v;
    }

    private static float[] toArray(List<Float> v) {
        float[] out = new float[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i);
        }
        return out;
    }

    private long countRoot(String root) throws IOException {
        return client.count(c -> c.index(ALIAS).query(q -> q.term(t -> t.field(Fields.ROOT).value(FieldValue.of(root)))))
                .count();
    }

    @SuppressWarnings("rawtypes")
    private List<String> matching(String field, String word) throws IOException {
        // Read with the index chain: the fields' own search analyzer takes painsearch's exact terms (QueryDsl).
        var answer = client.search(s -> s.index(ALIAS).size(20).query(q -> q.match(m -> m.field(field)
                .analyzer(IndexDefinition.TEXT_ANALYZER).query(FieldValue.of(word)))), Map.class);
        return answer.hits().hits().stream().map(h -> h.id()).toList();
    }
}
