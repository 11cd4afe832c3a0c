package org.painsearch.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensearch.client.opensearch._types.FieldValue;
import org.painsearch.corpus.DocType;
import org.painsearch.corpus.Document;
import org.painsearch.corpus.FileStamp;
import org.painsearch.index.Analysis;
import org.painsearch.index.Fields;
import org.painsearch.index.Indexer;
import org.painsearch.index.Ranking;
import org.painsearch.index.Synonyms;
import org.painsearch.opensearch.RankedHits.Hit;

/**
 * painsearch ranks plain words as one BM25F field over title, tags, authors and body (Lucene's
 * {@code CombinedFieldQuery} per word, equivalent one-word synonyms blended into it; {@code search.FieldExpansion}).
 * Sent to OpenSearch as exact terms ({@link QueryDsl}: a {@code combined_fields} query over the same fields per
 * word), on documents both engines indexed from the very same blocks, it gives the same documents with the same
 * scores for plain words.
 * <p>Not the same: equivalent one-word synonyms. No OpenSearch query blends them into one BM25F word:
 * {@code combined_fields} makes one single-word query per synonym (its builder, read in the 3.5.0 jar, joins them
 * with the query's operator), so painsearch sends them as a disjunction of one combined-field word each, with the
 * ranking's synonym tie. The same documents match; their scores differ (measured on the dev collections: nDCG@10
 * moves by less than 0.002, see README).
 */
@OpenSearchTest
class CombinedFieldsParityTest {
    private static final String INDEX = "parity-combined";
    private static final List<String> FIELDS = List.of(Fields.TITLE, Fields.TAGS_TEXT, Fields.AUTHORS_TEXT, Fields.BODY);
    private static final Map<String, Document> DOCS = new LinkedHashMap<>();
    private static OpenSearchCluster cluster;
    private static ByteBuffersDirectory lucene;

    static {
        add("crps-wrist", "Complex regional pain syndrome after a wrist fracture", List.of("crps", "pain-science"),
                "Burning pain and swelling in the hand months after the fracture healed.");
        add("pins-hands", "Pins and needles at night", List.of("nerves"),
                "Tingling in both hands at night, easing with movement and a splint.");
        add("massage-back", "Massage for low back pain", List.of("massage", "back-pain"),
                "A gentle massage reduced low back pain for most patients in the trial; pain returned within weeks.");
        add("ulnar-nerve", "Ulnar nerve compression", List.of("nerves", "elbow"),
                "Paresthesia and numbness along the ulnar nerve after compression at the elbow.");
        add("sore-muscles", "Delayed onset muscle soreness", List.of("exercise"),
                "Sore muscles after exercise; the soreness peaks after two days and massage may ease it.");
        add("tens-knee", "TENS for knee osteoarthritis", List.of("tens", "knee"),
                "Transcutaneous electrical nerve stimulation eased knee pain in osteoarthritis.");
        add("tender-knee", "A tender knee after running", List.of("knee", "running"),
                "A tender knee after running, and achy hips the next morning; pain science says load it gently.");
    }

    private static void add(String id, String title, List<String> tags, String body) {
        DOCS.put(id, new Document(id, DocType.ARTICLE, title, null, List.of("Rosa Kettering"), null, null, tags,
                null, null, null, body + "\n", List.of(), null));
    }

    @BeforeAll
    static void indexBothEngines(OpenSearchCluster shared) throws Exception {
        cluster = shared;
        var definition = IndexDefinition.of(1, 0, 8);
        cluster.client().indices().create(definition.createRequest(INDEX));
        var blocks = DOCS.values().stream()
                .map(d -> Indexer.block(d, List.of(), "v1", new FileStamp(1, 1), false)).toList();
        new OpenSearchWriter(cluster.client(), INDEX).write(blocks, true);

        lucene = new ByteBuffersDirectory();
        var config = new IndexWriterConfig(Analysis.writerAnalyzer()).setSimilarity(Ranking.SIMILARITY);
        try (var writer = new IndexWriter(lucene, config)) {
            for (var block : blocks) {
                writer.addDocuments(block);
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
            "pain, massage-back",
            "knee pain, tender-knee",
            "massage soreness, sore-muscles",
            "massage trial, massage-back",
            "nerve compression, ulnar-nerve",
            "running knee hips, tender-knee",
            "kettering nerves, ulnar-nerve",
            "the patient's massages, massage-back"})
    void combinedFieldsFindWhatTheEmbeddedBm25fFindsWithTheSameScores(String text, String expected) throws Exception {
        var embedded = embedded(text);
        assertThat(embedded.ids()).contains(expected);
        openSearch(text).assertSameAs(embedded);
    }

    // The embedded query itself, sent as exact terms (QueryDsl).
    @ParameterizedTest
    @CsvSource({"sore knee", "tender massage", "achy hips", "sore muscles massage"})
    void withEquivalentWordsTheSameDocumentsMatch(String text) throws Exception {
        var embedded = embedded(text);
        assertThat(embedded.ids()).isNotEmpty();
        assertThat(openSearch(text).ids()).containsExactlyInAnyOrderElementsOf(embedded.ids());
    }

    private static RankedHits openSearch(String text) throws Exception {
        var weights = new java.util.LinkedHashMap<String, Float>();
        FIELDS.forEach(f -> weights.put(f, 1f));
        var query = new QueryDsl(weights, 0.3f).of(query(text));
        var response = cluster.client().search(s -> s.index(INDEX).size(10).query(query), Object.class);
        return new RankedHits(response.hits().hits().stream().map(h -> new Hit(h.id(), h.score())).toList());
    }

    // As search.FieldExpansion builds it: one CombinedFieldQuery per position, the words stacked there blended.
    private static RankedHits embedded(String text) throws Exception {
        Query built = query(text);
        try (var reader = DirectoryReader.open(lucene)) {
            var searcher = new IndexSearcher(reader);
            searcher.setSimilarity(Ranking.SIMILARITY);
            var hits = new ArrayList<Hit>();
            for (var scoreDoc : searcher.search(built, 10).scoreDocs) {
                hits.add(new Hit(searcher.storedFields().document(scoreDoc.doc).get(Fields.ID), scoreDoc.score));
            }
            return new RankedHits(hits);
        }
    }

    private static Query query(String text) throws Exception {
        var byPosition = new TreeMap<Integer, List<String>>();
        try (var ts = Analysis.queryAnalyzer(Synonyms.parse(AnalysisParityTest.RULES)).tokenStream(Fields.BODY, text)) {
            var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            var increment = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
            var length = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += increment.getPositionIncrement();
                assertThat(length.getPositionLength()).as("a one-word reading of '%s'", text).isEqualTo(1);
                byPosition.computeIfAbsent(position, p -> new ArrayList<>()).add(term.toString());
            }
            ts.end();
        }
        var query = new BooleanQuery.Builder();
        for (var words : byPosition.values()) {
            var combined = new org.apache.lucene.sandbox.search.CombinedFieldQuery.Builder();
            FIELDS.forEach(f -> combined.addField(f, 1f));
            words.forEach(w -> combined.addTerm(new org.apache.lucene.util.BytesRef(w)));
            query.add(combined.build(), Occur.SHOULD);
        }
        return query.build();
    }

}
