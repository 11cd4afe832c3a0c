package org.painsearch.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.painsearch.index.Analysis;

/**
 * OpenSearch's {@code _analyze} with the rendered analyzers gives exactly the tokens, positions, lengths and offsets
 * of painsearch's own Lucene chains, text by text: what the index holds and the spelling vocabulary; and the terms
 * painsearch's own query reading sends arrive unchanged, at their positions.
 */
@OpenSearchTest
class AnalysisParityTest {
    private static final String INDEX = "parity-analysis";
    /** Synonym rules the parity tests read queries with (painsearch's own query analysis). */
    static final String RULES = """
            # abbreviations and their spelled-out forms
            crps, complex regional pain syndrome
            pins and needles, paresthesia
            tens => transcutaneous electrical nerve stimulation
            sore, tender, achy
            """;
    private static OpenSearchCluster cluster;

    @BeforeAll
    static void createIndex(OpenSearchCluster shared) throws Exception {
        cluster = shared;
        var definition = IndexDefinition.of(1, 0, 384);
        cluster.client().indices().create(definition.createRequest(INDEX));
    }

    @AfterAll
    static void deleteIndex() throws Exception {
        if (cluster != null) {
            cluster.client().indices().delete(d -> d.index(INDEX).ignoreUnavailable(true));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The patient's pain", "the patients' pain", "O'Brien's clinic", "The Patient’s Pain",
            "Café naïve résumé", "Ångström Søren œdema", "ÉCOLE",
            "massages massaging massaged massage", "endorphins", "sensitization sensitized sensitizes",
            "the pain of a massage is not in the tissue", "To be or not to be",
            "central-sensitization", "well-being", "COVID-19", "pain-free 5-HT", "X-ray", "e-mail",
            "don't it's can't", "NSAIDs CRPS TENS", "2019-2023 10mg 3.5 kg", "www.example.org/pain?x=1",
            "Mr. Jones's 2nd visit: 45 min; lower-back & neck", ""})
    void indexingTokensMatchTheEmbeddedIndexChain(String text) throws Exception {
        assertThat(openSearch(IndexDefinition.TEXT_ANALYZER, text)).isEqualTo(lucene(Analysis.indexAnalyzer(), text));
    }

    // painsearch sends the terms it analyzed itself: the cluster splits them and never changes them; words stacked at
    // one position (synonyms) keep it, and a lone "|" leaves a position empty (a stop word inside a phrase).
    @Test
    void theTermsPainsearchSendsArriveAsTheyAreAtTheirPositions() throws Exception {
        assertThat(openSearch(IndexDefinition.TERMS_ANALYZER, "massag"))
                .extracting(Token::term, Token::position).containsExactly(org.assertj.core.groups.Tuple.tuple("massag", 0));
        assertThat(openSearch(IndexDefinition.TERMS_ANALYZER, "pain|ach | back covid-19 o'brien"))
                .extracting(Token::term, Token::position).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("pain", 0), org.assertj.core.groups.Tuple.tuple("ach", 0),
                        org.assertj.core.groups.Tuple.tuple("back", 2), org.assertj.core.groups.Tuple.tuple("covid-19", 3),
                        org.assertj.core.groups.Tuple.tuple("o'brien", 4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"The patient's Café visits", "central-sensitization", "Ångström NSAIDs", "of the"})
    void spellingWordsMatchTheEmbeddedWordChain(String text) throws Exception {
        assertThat(openSearch(IndexDefinition.WORDS_ANALYZER, text)).isEqualTo(lucene(Analysis.wordAnalyzer(), text));
    }

    /** One token as both engines describe it; position length 1 unless a multi-word synonym spans more. */
    record Token(String term, int position, int positionLength, int start, int end) {
    }

    private static List<Token> openSearch(String analyzer, String text) throws Exception {
        var response = cluster.client().indices().analyze(a -> a.index(INDEX).analyzer(analyzer).text(text));
        return response.tokens().stream().map(t -> new Token(t.token(), t.position(),
                t.positionLength() == null ? 1 : t.positionLength(), t.startOffset(), t.endOffset())).toList();
    }

    static List<Token> lucene(Analyzer analyzer, String text) throws Exception {
        var tokens = new ArrayList<Token>();
        try (var stream = analyzer.tokenStream("body", text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            var increment = stream.addAttribute(PositionIncrementAttribute.class);
            var length = stream.addAttribute(PositionLengthAttribute.class);
            var offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(new Token(term.toString(), position, length.getPositionLength(), offset.startOffset(),
                        offset.endOffset()));
            }
            stream.end();
        }
        return tokens;
    }
}
