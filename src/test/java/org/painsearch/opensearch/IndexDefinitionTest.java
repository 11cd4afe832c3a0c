package org.painsearch.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.junit.jupiter.api.Test;
import org.painsearch.index.Fields;

class IndexDefinitionTest {
    private static final IndexDefinition DEFINITION = IndexDefinition.of(2, 1, 384);

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
        // Passage vectors are nested in their document; a part's place in its block is recorded too.
        var withPosition = new java.util.ArrayList<>(names);
        withPosition.remove(Fields.VECTOR);
        withPosition.add(IndexDefinition.PASSAGES);
        withPosition.add(IndexDefinition.BLOCK_POSITION);
        assertThat(DEFINITION.mappings().properties().keySet()).containsExactlyInAnyOrderElementsOf(withPosition);
    }

    @Test
    void passageVectorsAreCosineHnswOnTheLuceneEngine() {
        var passages = DEFINITION.mappings().properties().get(IndexDefinition.PASSAGES).nested();
        var vector = passages.properties().get(Fields.VECTOR).knnVector();
        assertThat(vector.dimension()).isEqualTo(384);
        assertThat(vector.method().engine()).isEqualTo("lucene");
        assertThat(vector.method().spaceType()).isEqualTo("cosinesimil");
        assertThat(vector.method().name()).isEqualTo("hnsw");
        assertThat(DEFINITION.settings().knn()).isTrue();
    }

    @Test
    void textIsIndexedWithTheIndexChainAndSearchedByTheTermsPainsearchSends() {
        for (String field : new String[] {Fields.TITLE, Fields.BODY, Fields.TAGS_TEXT, Fields.AUTHORS_TEXT}) {
            var text = DEFINITION.mappings().properties().get(field).text();
            assertThat(text.analyzer()).as(field).isEqualTo(IndexDefinition.TEXT_ANALYZER);
            assertThat(text.searchAnalyzer()).as(field).isEqualTo(IndexDefinition.TERMS_ANALYZER);
        }
        var index = DEFINITION.settings().analysis().analyzer().get(IndexDefinition.TEXT_ANALYZER).custom();
        assertThat(index.tokenizer()).isEqualTo("standard");
        assertThat(index.filter()).containsExactly("painsearch_possessive", "lowercase", "asciifolding",
                "painsearch_stop", "porter_stem");
        var terms = DEFINITION.settings().analysis().analyzer().get(IndexDefinition.TERMS_ANALYZER).custom();
        assertThat(terms.tokenizer()).isEqualTo("whitespace");
        assertThat(terms.filter()).containsExactly(IndexDefinition.STACKED_FILTER, IndexDefinition.GAP_FILTER);
    }

    @Test
    void theStopWordsAreLucenesEnglishSet() {
        assertThat(IndexDefinition.stopWords()).hasSize(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.size())
                .allMatch(w -> EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w));
    }

    @Test
    void theMappingCarriesItsVersionAndRefusesUnknownFields() {
        assertThat(DEFINITION.mappings().meta().get(IndexDefinition.META_VERSION).to(String.class))
                .isEqualTo(Fields.SCHEMA_VERSION + ".4");
        assertThat(DEFINITION.mappings().dynamic().jsonValue()).isEqualTo("strict");
        assertThat(DEFINITION.settings().numberOfShards()).isEqualTo(2);
        assertThat(DEFINITION.settings().numberOfReplicas()).isEqualTo(1);
    }

    @Test
    void impossibleShapesAreRefused() {
        assertThatThrownBy(() -> IndexDefinition.of(0, 0, 384))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one shard");
        assertThatThrownBy(() -> IndexDefinition.of(1, -1, 384))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IndexDefinition.of(1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
