package org.painsearch.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SynonymRulesTest {
    @Test
    void commentsAndEmptyLinesAreDroppedAndRulesKeptAsWritten() {
        var rules = SynonymRules.parse("""
                # abbreviations
                crps, complex regional pain syndrome

                tens => transcutaneous electrical nerve stimulation
                """);
        assertThat(rules.lines()).containsExactly("crps, complex regional pain syndrome",
                "tens => transcutaneous electrical nerve stimulation");
    }

    @Test
    void noTextIsNoRules() {
        assertThat(SynonymRules.parse("").lines()).isEmpty();
        assertThat(SynonymRules.parse("# only a comment\n")).isEqualTo(SynonymRules.NONE);
    }

    @Test
    void aBrokenRuleIsRefusedSayingWhere() {
        assertThatThrownBy(() -> SynonymRules.parse("crps, complex regional pain syndrome\npain => ache => hurt\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("synonym rules: ")
                .hasMessageContaining("line 2");
    }

    @Test
    void aRuleIsOneLineThatSaysSomething() {
        assertThatThrownBy(() -> new SynonymRules(List.of("a, b\nc, d"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SynonymRules(List.of("  "))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SynonymRules(List.of("# note"))).isInstanceOf(IllegalArgumentException.class);
    }
}
