package org.painsearch.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.Refresh;
import org.painsearch.index.Fields;

/** Synonym rules change on a live index behind an alias: the next search uses them, no document is written again. */
@OpenSearchTest
class SynonymUpdateTest {
    private static final String ALIAS = "synonyms-live";
    private static final String INDEX = "synonyms-live-1";
    private OpenSearchCluster cluster;

    @BeforeEach
    void createIndex(OpenSearchCluster shared) throws Exception {
        cluster = shared;
        var client = shared.client();
        var definition = IndexDefinition.of(SynonymRules.parse("crps, complex regional pain syndrome"), 1, 0, 8);
        client.indices().create(c -> c.index(INDEX).settings(definition.settings()).mappings(definition.mappings())
                .aliases(ALIAS, a -> a));
        index("crps-wrist", "Complex regional pain syndrome after a wrist fracture.");
        index("pins-hands", "Pins and needles in both hands at night.");
    }

    @AfterEach
    void deleteIndex() throws Exception {
        cluster.client().indices().delete(d -> d.index(INDEX).ignoreUnavailable(true));
    }

    @Test
    void newRulesTakeEffectWithoutAReindexAndOldOnesGo() throws Exception {
        assertThat(search("crps")).containsExactly("crps-wrist");
        assertThat(search("paresthesia")).isEmpty();
        long versionBefore = docVersion("pins-hands");

        long start = System.nanoTime();
        boolean changed = SynonymUpdate.apply(cluster.client(), ALIAS, SynonymRules.parse("""
                # the abbreviation rule is gone; a new one arrives
                pins and needles, paresthesia
                """));
        System.out.printf("synonym update (close, settings, open, yellow) took %.2f s%n", (System.nanoTime() - start) / 1e9);

        assertThat(changed).isTrue();
        assertThat(SynonymUpdate.current(cluster.client(), ALIAS)).containsExactly("pins and needles, paresthesia");
        assertThat(search("paresthesia")).containsExactly("pins-hands");
        assertThat(search("crps")).isEmpty();
        assertThat(docVersion("pins-hands")).isEqualTo(versionBefore);
        assertThat(cluster.client().count(c -> c.index(ALIAS)).count()).isEqualTo(2);
    }

    @Test
    void theSameRulesAgainChangeNothing() throws Exception {
        assertThat(SynonymUpdate.apply(cluster.client(), ALIAS, SynonymRules.parse("crps, complex regional pain syndrome")))
                .isFalse();
        assertThat(search("crps")).containsExactly("crps-wrist");
    }

    @Test
    void noRulesAtAllLeaveTheIndexChain() throws Exception {
        assertThat(SynonymUpdate.apply(cluster.client(), ALIAS, SynonymRules.NONE)).isTrue();
        assertThat(SynonymUpdate.current(cluster.client(), ALIAS)).isEmpty();
        assertThat(search("crps")).isEmpty();
        assertThat(search("syndrome")).containsExactly("crps-wrist");
    }

    @Test
    void rulesTheClusterRefusesLeaveTheIndexOpenAndUnchanged() throws Exception {
        // Past the record's own checks, but no rule: the cluster's parser refuses it before anything is closed.
        var broken = new SynonymRules(List.of("pain => ache => hurt"));
        assertThatThrownBy(() -> SynonymUpdate.apply(cluster.client(), ALIAS, broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the cluster refused the synonym rules: ");
        assertThat(SynonymUpdate.current(cluster.client(), ALIAS)).containsExactly("crps, complex regional pain syndrome");
        assertThat(search("crps")).containsExactly("crps-wrist");
    }

    private void index(String id, String body) throws Exception {
        cluster.client().index(i -> i.index(ALIAS).id(id).refresh(Refresh.True)
                .document(Map.of(Fields.ID, id, Fields.KIND, Fields.KIND_DOC, Fields.BODY, body)));
    }

    private long docVersion(String id) throws Exception {
        return cluster.client().get(g -> g.index(ALIAS).id(id), Object.class).version();
    }

    private List<String> search(String words) throws Exception {
        return cluster.client().search(s -> s.index(ALIAS)
                        .query(q -> q.match(m -> m.field(Fields.BODY).query(FieldValue.of(words)))), Object.class)
                .hits().hits().stream().map(h -> h.id()).toList();
    }
}
