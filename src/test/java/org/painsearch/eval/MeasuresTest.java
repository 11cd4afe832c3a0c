package org.painsearch.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeasuresTest {
    // Ranked a, b, c, d against a:0 b:2 d:1 e:3 (e never retrieved).
    private static final List<String> RANKED = List.of("a", "b", "c", "d");
    private static final Map<String, Integer> QRELS = Map.of("a", 0, "b", 2, "d", 1, "e", 3);

    @Test
    void ndcgUsesGradedGainsAndTheIdealOfAllJudgments() {
        // DCG = 2/log2(3) + 1/log2(5) = 1.69254; IDCG = 3 + 2/log2(3) + 1/log2(4) = 4.76186.
        assertThat(Measures.ndcg(RANKED, QRELS, 10)).isCloseTo(0.355436, within(1e-6));
    }

    @Test
    void ndcgCutsAtK() {
        // Only a (gain 0) is within the first one.
        assertThat(Measures.ndcg(RANKED, QRELS, 1)).isEqualTo(0.0);
        assertThat(Measures.ndcg(List.of("e", "b"), QRELS, 10)).isCloseTo((3 + 2 / log2(3)) / (3 + 2 / log2(3) + 0.5),
                within(1e-9));
    }

    @Test
    void recallCountsGradeOneOrMoreAsRelevant() {
        assertThat(Measures.recall(RANKED, QRELS, 100)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(Measures.recall(RANKED, QRELS, 2)).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void reciprocalRankOfTheFirstRelevantWithinK() {
        assertThat(Measures.reciprocalRank(RANKED, QRELS, 10)).isEqualTo(0.5);
        assertThat(Measures.reciprocalRank(List.of("a", "c"), QRELS, 10)).isEqualTo(0.0);
        assertThat(Measures.reciprocalRank(List.of("a", "c", "x", "y", "z", "f", "g", "h", "i", "j", "b"), QRELS, 10))
                .isEqualTo(0.0);
    }

    @Test
    void queriesWithoutRelevantJudgmentsAreLeftOut() {
        assertThat(Measures.judged(Map.of("a", 0))).isFalse();
        assertThat(Measures.judged(QRELS)).isTrue();
    }

    @Test
    void meanAndTheClosingLine() {
        var mean = Measures.mean(List.of(new Measures.Scores(1, 0.5, 1), new Measures.Scores(0, 0.5, 0.5)));
        assertThat(mean.line(2)).isEqualTo("nDCG@10=0.5000 Recall@100=0.5000 MRR@10=0.7500 queries=2");
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
