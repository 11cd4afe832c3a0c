package org.painsearch.opensearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.indices.update_aliases.Action;

/**
 * A rebuild on the cluster: a new index is built beside the one the alias names, then the alias moves to it in one
 * atomic step and the old index is deleted. Searches through the alias never see a half-built index; a build that
 * fails deletes its new index and leaves the alias where it was.
 */
public final class AliasRebuild {
    private AliasRebuild() {
    }

    /** What fills the new index. */
    @FunctionalInterface
    public interface Build {
        void into(OpenSearchWriter writer) throws IOException;
    }

    /** Builds {@code alias}'s next index with {@code definition} and {@code build}; returns the new index's name. */
    public static String rebuild(OpenSearchClient client, String alias, IndexDefinition definition, Build build)
            throws IOException {
        if (client.indices().exists(e -> e.index(alias)).value() && current(client, alias).isEmpty()) {
            throw new IOException("the cluster has an index named " + alias + " where painsearch keeps an alias; "
                    + "rename or delete that index, or choose another index name");
        }
        String name = alias + "-" + System.currentTimeMillis();
        if (client.indices().exists(e -> e.index(name)).value()) {
            throw new IOException("an index named " + name + " already exists; another rebuild may be running");
        }
        client.indices().create(definition.createRequest(name));
        List<String> before;
        try {
            var writer = OpenSearchWriter.intoNewIndex(client, name);
            build.into(writer);
            writer.refresh();
            before = current(client, alias);
            var actions = new ArrayList<Action>();
            for (String old : before) {
                actions.add(Action.of(a -> a.remove(r -> r.index(old).alias(alias))));
            }
            actions.add(Action.of(a -> a.add(ad -> ad.index(name).alias(alias))));
            client.indices().updateAliases(u -> u.actions(actions));
        } catch (IOException | RuntimeException e) {
            try {
                client.indices().delete(d -> d.index(name).ignoreUnavailable(true));
            } catch (IOException | RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        for (String old : before) {
            client.indices().delete(d -> d.index(old).ignoreUnavailable(true));
        }
        return name;
    }

    /** The indices {@code alias} names now; none when there is no such alias yet. */
    static List<String> current(OpenSearchClient client, String alias) throws IOException {
        if (!client.indices().existsAlias(e -> e.name(alias)).value()) {
            return List.of();
        }
        try {
            return List.copyOf(client.indices().getAlias(g -> g.name(alias)).result().keySet());
        } catch (OpenSearchException e) {
            if (e.status() == 404) {
                return List.of();
            }
            throw e;
        }
    }
}
