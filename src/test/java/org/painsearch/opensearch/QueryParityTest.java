package org.painsearch.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.painsearch.index.Analysis;
import org.painsearch.index.Fields;
import org.painsearch.index.Synonyms;
import org.painsearch.opensearch.RankedHits.Hit;

/**
 * The same small library in OpenSearch and in a Lucene index built with painsearch's analyzers: the query painsearch's
 * query analyzer builds (blended one-word synonyms, phrases for multi-word ones, stop-word gaps) sent through
 * {@link QueryDsl} finds the same documents with the same BM25 scores, and a {@code knn} query on the lucene engine
 * returns the exact cosine neighbours with Lucene's own similarity scores.
 */
@OpenSearchTest
class QueryParityTest {
    private static final String INDEX = "parity-query";
    private static final int DIMENSION = 384;
    private static final Map<String, String> BODIES = new LinkedHashMap<>();
    private static final Map<String, float[]> VECTORS = new LinkedHashMap<>();
    private static OpenSearchCluster cluster;
    private static ByteBuffersDirectory lucene;

    static {
        BODIES.put("crps-wrist", "Complex regional pain syndrome after a wrist fracture: burning pain and swelling.");
        BODIES.put("pins-hands", "Pins and needles in both hands at night, easing with movement.");
        BODIES.put("massage-back", "A gentle massage reduced low back pain for most patients in the trial.");
        BODIES.put("ulnar-nerve", "Paresthesia and numbness along the ulnar nerve after compression.");
        BODIES.put("sore-muscles", "Sore muscles after exercise; the soreness peaks after two days.");
        BODIES.put("tens-knee", "Transcutaneous electrical nerve stimulation eased knee pain in osteoarthritis.");
        BODIES.put("tender-knee", "A tender knee after running, and achy hips the next morning.");
        var random = new Random(13);
        for (String id : BODIES.keySet()) {
            VECTORS.put(id, unit(random));
        }
    }

    @BeforeAll
    static void indexBothEngines(OpenSearchCluster shared) throws Exception {
        cluster = shared;
        var client = cluster.client();
        client.indices().create(IndexDefinition.of(1, 0, DIMENSION)
                .createRequest(INDEX));
        var operations = new ArrayList<BulkOperation>();
        for (var entry : BODIES.entrySet()) {
            var source = Map.of(Fields.ID, entry.getKey(), Fields.KIND, Fields.KIND_DOC,
                    Fields.TYPE, entry.getKey().contains("knee") ? "podcast" : "article",
                    Fields.BODY, entry.getValue(),
                    IndexDefinition.PASSAGES, List.of(Map.of(Fields.VECTOR, floats(VECTORS.get(entry.getKey())))));
            operations.add(BulkOperation.of(b -> b.index(i -> i.index(INDEX).id(entry.getKey()).document(source))));
        }
        var bulk = client.bulk(b -> b.operations(operations).refresh(Refresh.True));
        assertThat(bulk.errors()).isFalse();

        lucene = new ByteBuffersDirectory();
        try (var writer = new IndexWriter(lucene, new IndexWriterConfig(Analysis.indexAnalyzer()))) {
            for (var entry : BODIES.entrySet()) {
                var doc = new Document();
                doc.add(new StringField(Fields.ID, entry.getKey(), Field.Store.YES));
                doc.add(new TextField(Fields.BODY, entry.getValue(), Field.Store.NO));
                writer.addDocument(doc);
            }
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (cluster != null) {
            cluster.client().indices().delete(d -> d.index(INDEX).ignoreUnavailable(true));
        }
        if (lucene != null) {
            lucene.close();
        }
    }

    @ParameterizedTest
    @CsvSource({
            "crps, crps-wrist",
            "CRPS after fracture, crps-wrist",
            "paresthesia, pins-hands",
            "pins and needles, ulnar-nerve",
            "tens, tens-knee",
            "sore knee, tender-knee",
            "the patient's massages, massage-back"})
    void synonymAndPhraseQueriesSentAsTermsFindWhatTheEmbeddedQueryFindsWithTheSameScores(String text, String expected) throws Exception {
        var openSearch = openSearchMatch(text);
        assertThat(openSearch.ids()).contains(expected);
        openSearch.assertSameAs(luceneMatch(text));
    }

    @Test
    void knnOnTheLuceneEngineReturnsTheExactCosineNeighboursWithLuceneScores() throws Exception {
        float[] query = VECTORS.get("massage-back").clone();
        query[0] += 0.05f;
        var hits = cluster.client().search(s -> s.index(INDEX).size(3)
                .query(q -> q.nested(n -> n.path(IndexDefinition.PASSAGES).query(nq -> nq.knn(k -> k
                        .field(IndexDefinition.PASSAGE_VECTOR).vector(floats(query)).k(3))))), Object.class).hits().hits();
        var expected = VECTORS.entrySet().stream()
                .map(e -> new Hit(e.getKey(), VectorSimilarityFunction.COSINE.compare(query, e.getValue())))
                .sorted(Comparator.comparingDouble(Hit::score).reversed())
                .limit(3)
                .toList();
        assertThat(hits).extracting(h -> h.id()).containsExactlyElementsOf(expected.stream().map(Hit::id).toList());
        assertThat(hits.getFirst().id()).isEqualTo("massage-back");
        for (int i = 0; i < hits.size(); i++) {
            assertThat(hits.get(i).score()).isCloseTo(expected.get(i).score(), org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @Test
    void knnWithAFilterOnTheDocumentsReturnsOnlyMatchingNeighbours() throws Exception {
        float[] query = VECTORS.get("massage-back");
        var hits = cluster.client().search(s -> s.index(INDEX).size(5)
                .query(q -> q.nested(n -> n.path(IndexDefinition.PASSAGES).query(nq -> nq.knn(k -> k
                        .field(IndexDefinition.PASSAGE_VECTOR).vector(floats(query)).k(5)
                        .filter(f -> f.term(t -> t.field(Fields.TYPE).value(FieldValue.of("podcast")))))))), Object.class)
                .hits().hits();
        assertThat(hits).extracting(h -> h.id()).containsExactlyInAnyOrder("tens-knee", "tender-knee");
    }

    // The same Lucene query, as painsearch's query reading builds it, sent through QueryDsl.
    private static RankedHits openSearchMatch(String text) throws Exception {
        var query = new QueryDsl(Map.of(Fields.BODY, 1f), 0.3f).of(bodyQuery(text));
        var response = cluster.client().search(s -> s.index(INDEX).size(10).query(query), Object.class);
        return new RankedHits(response.hits().hits().stream().map(h -> new Hit(h.id(), h.score())).toList());
    }

    // painsearch's parser reads words with the query analyzer: a one-word synonym becomes a blended synonym query, a
    // multi-word one a phrase.
    private static Query bodyQuery(String text) throws Exception {
        var builder = new QueryBuilder(Analysis.queryAnalyzer(Synonyms.parse(AnalysisParityTest.RULES)));
        builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        return builder.createBooleanQuery(Fields.BODY, text);
    }

    private static RankedHits luceneMatch(String text) throws Exception {
        Query query = bodyQuery(text);
        try (var reader = DirectoryReader.open(lucene)) {
            var searcher = new IndexSearcher(reader);
            var hits = new ArrayList<Hit>();
            for (var scoreDoc : searcher.search(query, 10).scoreDocs) {
                String id = searcher.storedFields().document(scoreDoc.doc).get(Fields.ID);
                hits.add(new Hit(id, scoreDoc.score));
            }
            return new RankedHits(hits);
        }
    }


    private static float[] unit(Random random) {
        float[] v = new float[DIMENSION];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    private static List<Float> floats(float[] v) {
        var list = new ArrayList<Float>(v.length);
        for (float f : v) {
            list.add(f);
        }
        return list;
    }
}
