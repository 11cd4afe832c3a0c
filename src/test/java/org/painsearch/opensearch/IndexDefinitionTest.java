package org.painsearch.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.junit.jupiter.api.Test;
import org.painsearch.index.Fields;

class IndexDefinitionTest {
    private static final IndexDefinition DEFINITION = IndexDefinition.of(SynonymRules.NONE, 2, 1, 384);

    @Test
    void everyFieldOfTheEmbeddedIndexIsMappedUnderItsOwnName() {
        var names = Arrays.stream(Fields.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .filter(f -> !f.getName().startsWith("SCHEMA_") && !f.getName().startsWith("KIND_"))
                .map(f -> {
                    try {
                        return (String) f.get(null);
                    } catch (IllegalAccessException e) {
                        throw new AssertionError(e);
                    }
                })
                .toList();
        assertThat(names).contains(Fields.ID, Fields.BODY, Fields.VECTOR, Fields.SPELL);
        assertThat(DEFINITION.mappings().properties().keySet()).containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    void passageVectorsAreCosineHnswOnTheLuceneEngine() {
        var vector = DEFINITION.mappings().properties().get(Fields.VECTOR).knnVector();
        assertThat(vector.dimension()).isEqualTo(384);
        assertThat(vector.method().engine()).isEqualTo("lucene");
        assertThat(vector.method().spaceType()).isEqualTo("cosinesimil");
        assertThat(vector.method().name()).isEqualTo("hnsw");
        assertThat(DEFINITION.settings().knn()).isTrue();
    }

    @Test
    void textIsIndexedWithTheIndexChainAndSearchedWithTheSynonymChain() {
        var body = DEFINITION.mappings().properties().get(Fields.BODY).text();
        assertThat(body.analyzer()).isEqualTo(IndexDefinition.TEXT_ANALYZER);
        assertThat(body.searchAnalyzer()).isEqualTo(IndexDefinition.QUERY_ANALYZER);
        var query = DEFINITION.settings().analysis().analyzer().get(IndexDefinition.QUERY_ANALYZER).custom();
        assertThat(query.tokenizer()).isEqualTo("standard");
        assertThat(query.filter()).containsExactly("painsearch_possessive", "lowercase", "asciifolding",
                IndexDefinition.SYNONYM_FILTER, "painsearch_stop", "porter_stem");
        var text = DEFINITION.settings().analysis().analyzer().get(IndexDefinition.TEXT_ANALYZER).custom();
        assertThat(text.filter()).doesNotContain(IndexDefinition.SYNONYM_FILTER);
    }

    @Test
    void theStopWordsAreLucenesEnglishSet() {
        assertThat(IndexDefinition.stopWords()).hasSize(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.size())
                .allMatch(w -> EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w));
    }

    @Test
    void theMappingCarriesItsVersionAndRefusesUnknownFields() {
        assertThat(DEFINITION.mappings().meta().get(IndexDefinition.META_VERSION).to(String.class))
                .isEqualTo(Fields.SCHEMA_VERSION + ".2");
        assertThat(DEFINITION.mappings().dynamic().jsonValue()).isEqualTo("strict");
        assertThat(DEFINITION.settings().numberOfShards()).isEqualTo(2);
        assertThat(DEFINITION.settings().numberOfReplicas()).isEqualTo(1);
    }

    @Test
    void impossibleShapesAreRefused() {
        assertThatThrownBy(() -> IndexDefinition.of(SynonymRules.NONE, 0, 0, 384))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one shard");
        assertThatThrownBy(() -> IndexDefinition.of(SynonymRules.NONE, 1, -1, 384))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IndexDefinition.of(SynonymRules.NONE, 1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
