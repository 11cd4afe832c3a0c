package org.painsearch.opensearch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.mapping.DynamicMapping;
import org.opensearch.client.opensearch._types.mapping.IndexOptions;
import org.opensearch.client.opensearch._types.mapping.Property;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch.indices.CreateIndexRequest;
import org.opensearch.client.opensearch.indices.IndexSettings;
import org.opensearch.client.opensearch.indices.IndexSettingsAnalysis;
import org.painsearch.index.Fields;

/**
 * painsearch's index as OpenSearch settings and mappings: the analysis chain of {@code index.Analysis} (standard
 * tokens, English possessives, lowercase, ASCII folding, English stop words, Porter stems; synonyms as a graph at
 * query time only), and the fields of {@code index.Fields} under the same names and with the same indexing. Queries
 * are read by painsearch itself, synonyms included, and arrive as exact terms ({@link QueryDsl}): text fields are
 * searched with {@link #TERMS_ANALYZER}, which only splits what painsearch wrote, so editing synonyms never touches
 * the cluster.
 */
public record IndexDefinition(IndexSettings settings, TypeMapping mappings) {
    /** Mapping {@code _meta} key holding {@link #MAPPING_VERSION}. */
    public static final String META_VERSION = "painsearch_mapping";
    /** The embedded schema version plus this rendering's revision: either changing means an index must be rebuilt. */
    public static final String MAPPING_VERSION = Fields.SCHEMA_VERSION + ".4";
    /** How text fields are indexed: the embedded index chain. */
    public static final String TEXT_ANALYZER = "painsearch_text";
    /**
     * How text fields are searched by painsearch: it sends the exact terms its own query reading made (see
     * {@link QueryDsl}), so this only splits them: at spaces, at {@code |} between words stacked at one position,
     * and a lone {@code |} leaves an empty position (a stop word inside a phrase).
     */
    public static final String TERMS_ANALYZER = "painsearch_terms";
    /** A document's passages, nested in it, each with its sentence vector ({@code passages.vector}). */
    public static final String PASSAGES = "passages";
    /** The passage vectors' full field name. */
    public static final String PASSAGE_VECTOR = PASSAGES + "." + Fields.VECTOR;
    /** A document's place in its block (passages, segments, the document last), as the embedded index orders them. */
    public static final String BLOCK_POSITION = "block_position";
    static final String STACKED_FILTER = "painsearch_stacked";
    static final String GAP_FILTER = "painsearch_gap";
    /** Whole lowercase, folded words for {@link Fields#SPELL}, as the embedded word analyzer. */
    public static final String WORDS_ANALYZER = "painsearch_words";
    static final String POSSESSIVE_FILTER = "painsearch_possessive";
    static final String STOP_FILTER = "painsearch_stop";
    /** Tokenizer to folding: the start of every chain. */
    static final List<String> FOLDING = List.of(POSSESSIVE_FILTER, "lowercase", "asciifolding");
    // Lucene's defaults for KnnFloatVectorField's HNSW graph, so both engines build the same kind of graph.
    private static final int HNSW_M = 16;
    private static final int HNSW_EF_CONSTRUCTION = 100;

    public IndexDefinition {
        if (settings == null || mappings == null) {
            throw new IllegalArgumentException("an index definition needs both settings and mappings");
        }
    }

    /**
     * The definition for an index of {@code shards} primaries with {@code replicas} copies each, and passage vectors
     * of {@code vectorDimension} floats.
     */
    public static IndexDefinition of(int shards, int replicas, int vectorDimension) {
        if (shards < 1 || replicas < 0 || vectorDimension < 1) {
            throw new IllegalArgumentException("an index needs at least one shard, no negative replica count and "
                    + "a vector length of at least 1 (got " + shards + ", " + replicas + ", " + vectorDimension + ")");
        }
        var settings = IndexSettings.of(s -> s
                .numberOfShards(shards)
                .numberOfReplicas(replicas)
                // The k-NN plugin builds vector graphs only in indices that ask for it.
                .knn(true)
                .analysis(analysis()));
        return new IndexDefinition(settings, mappings(vectorDimension));
    }

    /** A request creating index {@code name} with this definition. */
    public CreateIndexRequest createRequest(String name) {
        return CreateIndexRequest.of(c -> c.index(name).settings(settings).mappings(mappings));
    }

    /** The analysis settings alone. */
    static IndexSettingsAnalysis analysis() {
        return IndexSettingsAnalysis.of(a -> a
                .filter(POSSESSIVE_FILTER, f -> f.definition(d -> d.stemmer(st -> st.language("possessive_english"))))
                // The very list the embedded StopFilter uses, written out rather than trusting "_english_" to match.
                .filter(STOP_FILTER, f -> f.definition(d -> d.stop(st -> st.stopwords(stopWords()))))
                .analyzer(TEXT_ANALYZER, an -> an.custom(c -> c.tokenizer("standard").filter(chain(STOP_FILTER, "porter_stem"))))
                .filter(STACKED_FILTER, f -> f.definition(d -> d.patternCapture(pc -> pc.patterns("([^|]+)")
                        .preserveOriginal(false))))
                .filter(GAP_FILTER, f -> f.definition(d -> d.stop(st -> st.stopwords(QueryDsl.GAP))))
                .analyzer(TERMS_ANALYZER, an -> an.custom(c -> c.tokenizer("whitespace")
                        .filter(STACKED_FILTER, GAP_FILTER)))
                .analyzer(WORDS_ANALYZER, an -> an.custom(c -> c.tokenizer("standard").filter(FOLDING))));
    }

    private static List<String> chain(String... after) {
        var filters = new ArrayList<>(FOLDING);
        filters.addAll(List.of(after));
        return filters;
    }

    static List<String> stopWords() {
        var words = new ArrayList<String>();
        for (Object word : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
            words.add(new String((char[]) word));
        }
        return words.stream().sorted().toList();
    }

    private static TypeMapping mappings(int vectorDimension) {
        return TypeMapping.of(m -> m
                // A field name painsearch does not know is a bug to report, not a mapping to invent.
                .dynamic(DynamicMapping.Strict)
                .meta(Map.of(META_VERSION, JsonData.of(MAPPING_VERSION)))
                .properties(Map.ofEntries(
                        Map.entry(Fields.ID, keyword()),
                        Map.entry(Fields.VERSION, keyword()),
                        // What reconciliation trusts about a document's file, and whether its vectors are still due.
                        Map.entry(Fields.FILE_SIZE, Property.of(p -> p.long_(l -> l))),
                        Map.entry(Fields.FILE_MODIFIED, Property.of(p -> p.long_(l -> l))),
                        Map.entry(Fields.VECTORS_PENDING, keyword()),
                        Map.entry(Fields.KIND, keyword()),
                        Map.entry(Fields.ROOT, keyword()),
                        Map.entry(Fields.TYPE, keyword()),
                        Map.entry(Fields.TITLE, highlightedText()),
                        Map.entry(Fields.BODY, highlightedText()),
                        Map.entry(Fields.BODY_MARKDOWN, storedOnly()),
                        Map.entry(Fields.TAG, keyword()),
                        Map.entry(Fields.TAGS_TEXT, text()),
                        Map.entry(Fields.AUTHOR, keyword()),
                        Map.entry(Fields.AUTHORS_TEXT, text()),
                        Map.entry(Fields.SOURCE, keyword()),
                        Map.entry(Fields.YEAR, keyword()),
                        Map.entry(Fields.YEAR_NUMBER, Property.of(p -> p.integer(i -> i))),
                        Map.entry(Fields.PUBLISHED, Property.of(p -> p.long_(l -> l))),
                        Map.entry(Fields.PUBLISHED_TEXT, storedOnly()),
                        Map.entry(Fields.URL, storedOnly()),
                        Map.entry(Fields.URL_KEY, keyword()),
                        Map.entry(Fields.DOI, keyword()),
                        Map.entry(Fields.PMID, keyword()),
                        Map.entry(Fields.LINKS, keyword()),
                        Map.entry(Fields.PRIVATE, keyword()),
                        Map.entry(Fields.SHOW, storedOnly()),
                        Map.entry(Fields.EPISODE, storedOnly()),
                        Map.entry(Fields.AUDIO, storedOnly()),
                        Map.entry(Fields.DURATION, storedOnly()),
                        Map.entry(Fields.CUE_MARKS, storedOnly()),
                        Map.entry(Fields.PATH, storedOnly()),
                        Map.entry(Fields.START, Property.of(p -> p.integer(i -> i))),
                        Map.entry(BLOCK_POSITION, Property.of(p -> p.integer(i -> i))),
                        Map.entry(Fields.SPELL, Property.of(p -> p.text(t -> t.analyzer(WORDS_ANALYZER)
                                .searchAnalyzer(WORDS_ANALYZER).indexOptions(IndexOptions.Docs).norms(false)))),
                        Map.entry(PASSAGES, Property.of(p -> p.nested(n -> n.properties(Fields.VECTOR,
                                Property.of(v -> v.knnVector(k -> k.dimension(vectorDimension)
                                        .method(hnsw -> hnsw.name("hnsw").engine("lucene").spaceType("cosinesimil")
                                                .parameters(Map.of("m", JsonData.of(HNSW_M),
                                                        "ef_construction", JsonData.of(HNSW_EF_CONSTRUCTION)))))))))))));
    }

    // Exact values: lookups, filters and facets (keyword fields have doc values by default).
    private static Property keyword() {
        return Property.of(p -> p.keyword(k -> k));
    }

    // Words to match, analyzed as the embedded TextFields are; searched by the exact terms painsearch sends.
    private static Property text() {
        return Property.of(p -> p.text(t -> t.analyzer(TEXT_ANALYZER).searchAnalyzer(TERMS_ANALYZER)));
    }

    // Offsets in the postings, as the embedded index keeps them, so the unified highlighter needs no re-analysis.
    private static Property highlightedText() {
        return Property.of(p -> p.text(t -> t.analyzer(TEXT_ANALYZER).searchAnalyzer(TERMS_ANALYZER)
                .indexOptions(IndexOptions.Offsets)));
    }

    // Shown, never searched: the value lives in _source only, as a Lucene StoredField lives in stored fields only.
    private static Property storedOnly() {
        return Property.of(p -> p.keyword(k -> k.index(false).docValues(false)));
    }
}
