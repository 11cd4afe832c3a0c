package org.painsearch.opensearch;

import java.util.List;

/** What the connection check found: a cluster painsearch can use, or the one thing that stops it, in words. */
public sealed interface ClusterStatus {
    /** One or two sentences for the terminal or the page: what is wrong and what to do. */
    String message();

    /** Whether painsearch can use the cluster as it is. */
    default boolean usable() {
        return this instanceof Ready;
    }

    /** Usable: an OpenSearch 3.x cluster, not red, with k-NN on every node; the index is painsearch's or absent. */
    record Ready(ClusterAddress address, String version, String health, String index, boolean indexExists)
            implements ClusterStatus {
        @Override
        public String message() {
            return "OpenSearch " + version + " at " + address + " is " + health + "; index '" + index + "' "
                    + (indexExists ? "is ready." : "does not exist yet and will be created.");
        }
    }

    /** Nothing answers at the address (refused, timed out, unknown host). */
    record Unreachable(ClusterAddress address, String reason) implements ClusterStatus {
        @Override
        public String message() {
            return "Nothing answers at " + address + " (" + reason + "). Start the OpenSearch cluster, or give its "
                    + "address with --opensearch-url.";
        }
    }

    /** Something answers, but not as an OpenSearch node would. */
    record NotOpenSearch(ClusterAddress address, String answer) implements ClusterStatus {
        @Override
        public String message() {
            return address + " answers, but not as OpenSearch (" + answer + "). Check that --opensearch-url is the "
                    + "HTTP address of an OpenSearch node.";
        }
    }

    /** An OpenSearch of another major version than 3. */
    record WrongVersion(ClusterAddress address, String version) implements ClusterStatus {
        @Override
        public String message() {
            return "The cluster at " + address + " runs OpenSearch " + version + "; painsearch needs OpenSearch 3.x.";
        }
    }

    /** Red health: some primary shards are not allocated, so some documents cannot be searched or written. */
    record Red(ClusterAddress address, String where) implements ClusterStatus {
        @Override
        public String message() {
            return "The health of " + where + " at " + address + " is red: some of its data is on no running node. "
                    + "Bring the missing nodes back; GET _cluster/allocation/explain says which shard waits for what.";
        }
    }

    /** Nodes without the k-NN plugin, which the passage vectors need. */
    record KnnMissing(ClusterAddress address, List<String> nodes) implements ClusterStatus {
        public KnnMissing {
            nodes = List.copyOf(nodes);
        }

        @Override
        public String message() {
            return "The k-NN plugin (opensearch-knn) is missing on " + (nodes.size() == 1 ? "node " : "nodes ")
                    + String.join(", ", nodes) + " of " + address + ". Install it on every node "
                    + "(bin/opensearch-plugin install opensearch-knn) and restart them.";
        }
    }

    /** The index exists but was made by another painsearch version, or not by painsearch at all. */
    record MappingMismatch(ClusterAddress address, String index, String found, String expected) implements ClusterStatus {
        @Override
        public String message() {
            if (found == null) {
                return "Index '" + index + "' at " + address + " was not made by painsearch (its mapping has no "
                        + IndexDefinition.META_VERSION + "). Choose another index name, or delete that index if it "
                        + "is not needed.";
            }
            return "Index '" + index + "' at " + address + " has painsearch mapping version " + found + ", and this "
                    + "painsearch needs " + expected + ". Run ./painsearch reindex to rebuild it from the corpus.";
        }
    }
}
