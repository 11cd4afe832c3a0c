package org.painsearch.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import org.assertj.core.data.Percentage;

/** Hits of the same query from the embedded index and from OpenSearch, compared for the parity tests. */
record RankedHits(List<Hit> hits) {
    /** One hit: the document's id and its score. */
    record Hit(String id, double score) {
    }

    // Equal scores may come back in either engine's order; ties are put in id order on both sides.
    RankedHits {
        hits = hits.stream().sorted(Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::id)).toList();
    }

    List<String> ids() {
        return hits.stream().map(Hit::id).toList();
    }

    /** Asserts the same documents in the same order as {@code embedded}, each score within 0.01% of its own. */
    void assertSameAs(RankedHits embedded) {
        assertThat(ids()).containsExactlyElementsOf(embedded.ids());
        for (int i = 0; i < embedded.hits().size(); i++) {
            assertThat(hits.get(i).score()).as("score of " + embedded.hits().get(i).id())
                    .isCloseTo(embedded.hits().get(i).score(), Percentage.withPercentage(0.01));
        }
    }
}
