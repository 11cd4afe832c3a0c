package org.painsearch.opensearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.analysis.TokenFilter;
import org.opensearch.client.opensearch.indices.IndexSettings;
import org.opensearch.client.opensearch.indices.IndexSettingsAnalysis;

/**
 * Changes the synonym rules of a live index without a reindex. The integration distribution has no endpoint to
 * reload a search analyzer, and a filter of an open index cannot be changed, so the rules are checked by the
 * cluster first, then the index is closed, its synonym filter replaced, and the index opened again. Synonyms act
 * at query time only, so no document needs to be written again. Searches and writes fail while the index is
 * closed (well under a second to a few seconds, see the README); callers retry them. Nothing happens when the
 * index already has these rules.
 */
public final class SynonymUpdate {
    private static final String WAIT_FOR_SHARDS = "60s";

    private SynonymUpdate() {
    }

    /** The rules the index (or each index behind the alias) {@code index} has now. */
    public static List<String> current(OpenSearchClient client, String index) throws IOException {
        var rules = new ArrayList<String>();
        for (var state : client.indices().getSettings(g -> g.index(index)).result().values()) {
            rules.addAll(rulesOf(state.settings()));
        }
        return rules;
    }

    /**
     * Puts {@code rules} into {@code index} (an index or an alias) and reopens it; true when anything changed.
     * Rules the cluster refuses leave the index open and untouched, with an {@link IllegalArgumentException}
     * quoting the cluster's reason.
     */
    public static boolean apply(OpenSearchClient client, String index, SynonymRules rules) throws IOException {
        var stale = new ArrayList<String>();
        for (var entry : client.indices().getSettings(g -> g.index(index)).result().entrySet()) {
            if (!rulesOf(entry.getValue().settings()).equals(rules.lines())) {
                stale.add(entry.getKey());
            }
        }
        if (stale.isEmpty()) {
            return false;
        }
        checkOnCluster(client, rules);
        for (String concrete : stale) {
            replace(client, concrete, rules);
        }
        return true;
    }

    // The cluster builds the rules with the chain before the synonym filter, exactly as the index analyzer will,
    // without touching the index: a rule it refuses never leaves a closed index that cannot open again.
    private static void checkOnCluster(OpenSearchClient client, SynonymRules rules) throws IOException {
        var analysis = IndexDefinition.analysis(rules);
        var filters = new ArrayList<TokenFilter>();
        for (String name : IndexDefinition.FOLDING) {
            var defined = analysis.filter().get(name);
            filters.add(defined != null ? defined : TokenFilter.of(f -> f.name(name)));
        }
        filters.add(analysis.filter().get(IndexDefinition.SYNONYM_FILTER));
        try {
            client.indices().analyze(a -> a.tokenizer(t -> t.name("standard")).filter(filters).text("painsearch"));
        } catch (OpenSearchException e) {
            throw new IllegalArgumentException("the cluster refused the synonym rules: " + e.error().reason(), e);
        }
    }

    private static void replace(OpenSearchClient client, String concrete, SynonymRules rules) throws IOException {
        var synonymFilter = IndexDefinition.analysis(rules).filter().get(IndexDefinition.SYNONYM_FILTER);
        client.indices().close(c -> c.index(concrete));
        try {
            client.indices().putSettings(p -> p.index(concrete)
                    .settings(s -> s.analysis(a -> a.filter(IndexDefinition.SYNONYM_FILTER, synonymFilter))));
        } finally {
            // Reopened whatever happened above: an index left closed would answer no search at all.
            client.indices().open(o -> o.index(concrete));
            client.cluster().health(h -> h.index(concrete).waitForStatus(HealthStatus.Yellow)
                    .timeout(t -> t.time(WAIT_FOR_SHARDS)));
        }
    }

    private static List<String> rulesOf(IndexSettings settings) {
        IndexSettingsAnalysis analysis = settings.analysis() != null ? settings.analysis()
                : settings.index() != null ? settings.index().analysis() : null;
        if (analysis == null || analysis.filter().get(IndexDefinition.SYNONYM_FILTER) == null) {
            return List.of();
        }
        var filter = analysis.filter().get(IndexDefinition.SYNONYM_FILTER);
        if (!filter.isDefinition() || !filter.definition().isSynonymGraph()) {
            return List.of();
        }
        return Objects.requireNonNullElse(filter.definition().synonymGraph().synonyms(), List.of());
    }
}
