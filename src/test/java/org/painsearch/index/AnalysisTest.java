package org.painsearch.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.text.ParseException;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class AnalysisTest {
    private static final Analyzer INDEX = Analysis.indexAnalyzer();

    private static Analyzer withSynonyms() throws IOException, ParseException {
        return Analysis.queryAnalyzer(Synonyms.parse("crps, complex regional pain syndrome\npins and needles, paresthesia"));
    }

    @Test
    void possessivesAreRemoved() {
        assertThat(Analysis.terms(INDEX, "The patient's pain")).containsExactly("patient", "pain");
    }

    @Test
    void textIsLowercased() {
        assertThat(Analysis.terms(INDEX, "PAIN Science")).containsExactly("pain", "scienc");
    }

    @Test
    void accentsAreFoldedToAscii() {
        assertThat(Analysis.terms(INDEX, "Café naïve")).containsExactly("cafe", "naiv");
        assertThat(Analysis.terms(INDEX, "cafe naive")).containsExactly("cafe", "naiv");
    }

    @Test
    void stopWordsAreRemoved() {
        assertThat(Analysis.terms(INDEX, "the pain of a massage is not in the tissue"))
                .containsExactly("pain", "massag", "tissu");
    }

    @Test
    void wordsAreStemmed() {
        assertThat(Analysis.terms(INDEX, "endorphins")).containsExactly("endorphin");
        assertThat(Analysis.terms(INDEX, "massages massaging massage")).containsExactly("massag", "massag", "massag");
    }

    @Test
    void indexAnalyzerHasNoSynonyms() {
        assertThat(Analysis.terms(INDEX, "crps")).containsExactly("crp");
    }

    @Test
    void queryAnalyzerExpandsAnAbbreviationToTheStemsOfItsSpelledOutForm() throws Exception {
        assertThat(Analysis.terms(withSynonyms(), "crps"))
                .containsExactlyInAnyOrder("crp", "complex", "region", "pain", "syndrom");
    }

    @Test
    void queryAnalyzerExpandsAPhraseWithAStopWordToItsSynonym() throws Exception {
        assertThat(Analysis.terms(withSynonyms(), "pins and needles"))
                .containsExactlyInAnyOrder("paresthesia", "pin", "needl");
        assertThat(Analysis.terms(withSynonyms(), "Paresthesia"))
                .containsExactlyInAnyOrder("paresthesia", "pin", "needl");
    }

    @Test
    void queryAnalyzerLeavesOtherWordsAsTheIndexAnalyzerDoes() throws Exception {
        assertThat(Analysis.terms(withSynonyms(), "The patient's massages"))
                .containsExactly(Analysis.terms(INDEX, "The patient's massages").toArray(String[]::new));
    }

    @Test
    void queryAnalyzerWithoutRulesIsTheIndexChain() throws Exception {
        assertThat(Analysis.terms(Analysis.queryAnalyzer(null), "crps massages")).containsExactly("crp", "massag");
        assertThat(Analysis.terms(Analysis.queryAnalyzer(Synonyms.parse("")), "crps massages"))
                .containsExactly("crp", "massag");
    }
}
