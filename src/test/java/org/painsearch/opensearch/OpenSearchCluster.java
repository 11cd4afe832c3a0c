package org.painsearch.opensearch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.opensearch.cluster.HealthResponse;
import org.painsearch.Required;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cluster of real OpenSearch nodes for tests: the first node is cluster manager and data node, every further
 * node a data node, so a test can kill any node but the first and the cluster keeps its manager. Nodes find each
 * other through a seed-hosts file. Closing stops every node in order; so does the end of the JVM, and a JVM that
 * dies without closing takes its nodes with it (parent-death signal).
 */
final class OpenSearchCluster implements AutoCloseable {
    /** How long a node may take to listen: about 20 s on a quiet 2-core machine, over a minute on a busy one. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Logger LOG = LoggerFactory.getLogger(OpenSearchCluster.class);
    private static final ExecutorService LAUNCHER = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "opensearch-launcher");
        thread.setDaemon(true);
        return thread;
    });

    private final String name;
    private final Path dir;
    private final OpenSearchDistribution distribution;
    private final NodeUser user;
    private final List<OpenSearchNode> nodes = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::stopAll, "opensearch-shutdown");
    private Connection connection;
    private int nodesMade;

    private OpenSearchCluster(String name, Path dir, OpenSearchDistribution distribution, NodeUser user) {
        this.name = name;
        this.dir = dir;
        this.distribution = distribution;
        this.user = user;
    }

    /**
     * Starts a one-node cluster and waits until it is green; {@link #addNode} grows it. Skips the calling test
     * when it cannot run here (fails it under CI).
     */
    static OpenSearchCluster start() throws IOException, InterruptedException {
        var user = NodeUser.forThisRun();
        Path base = workDir(user);
        var distribution = OpenSearchDistribution.prepare(base);
        String name = "painsearch-test-" + ProcessHandle.current().pid();
        Path dir = base.resolve("clusters").resolve(name);
        deleteFinishedRuns(base.resolve("clusters"));
        var cluster = new OpenSearchCluster(name, dir, distribution, user);
        Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
        try {
            long begin = System.nanoTime();
            var first = cluster.launch();
            first.awaitPorts(START_TIMEOUT);
            cluster.shareSeeds();
            cluster.connection = Connection.open(first.address());
            cluster.awaitHealth(HealthStatus.Green);
            LOG.info("OpenSearch test cluster green {} s after launch", seconds(begin));
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    // A run's nodes and logs stay until the next run, for reading after a failure; then they go, unless that
    // run is still going (another test JVM of this checkout).
    private static void deleteFinishedRuns(Path clusters) throws IOException {
        if (!java.nio.file.Files.isDirectory(clusters)) {
            return;
        }
        try (var runs = java.nio.file.Files.list(clusters)) {
            for (Path run : runs.toList()) {
                String pid = run.getFileName().toString().replaceAll("^.*-", "");
                boolean alive = pid.matches("\\d+") && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
                if (!alive) {
                    Tree.delete(run);
                }
            }
        }
    }

    // Under target/ when the node user may enter it; else in the temporary folder, which everyone may enter.
    private static Path workDir(NodeUser user) throws IOException {
        Path repo = Path.of(System.getProperty("painsearch.repo", System.getProperty("user.dir")));
        Path inTarget = repo.resolve("target/opensearch");
        Path blocked = user.blockedOnTheWayTo(inTarget);
        if (blocked == null) {
            return inTarget;
        }
        Path inTmp = Path.of(System.getProperty("java.io.tmpdir")).resolve("painsearch-opensearch");
        LOG.warn("user {} cannot enter {}; the OpenSearch test nodes live in {} instead", user.name(), blocked, inTmp);
        Path blockedToo = user.blockedOnTheWayTo(inTmp);
        if (blockedToo != null) {
            Required.unmet("the OpenSearch test nodes run as '" + user.name() + "', who cannot enter " + blocked
                    + " nor " + blockedToo + "; `chmod o+x` on one of them lets them");
        }
        return inTmp;
    }

    /** Adds a data node and waits until the cluster counts it; its shards may still be recovering. */
    OpenSearchNode addNode() throws IOException, InterruptedException {
        long begin = System.nanoTime();
        var node = launch();
        node.awaitPorts(START_TIMEOUT);
        shareSeeds();
        awaitNodes(nodes.size());
        LOG.info("OpenSearch node {} joined {} s after launch", node.name(), seconds(begin));
        return node;
    }

    /** SIGKILL to {@code node}: no flush, no goodbye to the cluster. */
    void kill(OpenSearchNode node) throws InterruptedException {
        node.kill();
    }

    /** Starts a stopped or killed node again on its own ports and data, and waits until it has rejoined. */
    void restart(OpenSearchNode node) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        node.start();
        node.awaitPorts(START_TIMEOUT);
        awaitNodes(nodes.size());
        LOG.info("OpenSearch node {} rejoined {} s after restart", node.name(), seconds(begin));
    }

    private static String seconds(long since) {
        return String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - since) / 1e9);
    }

    /** Stops {@code node} in order and forgets it: the cluster is one node smaller. Its folder stays until the next run. */
    void remove(OpenSearchNode node) throws IOException, InterruptedException {
        node.stop();
        nodes.remove(node);
        awaitNodes(nodes.size());
    }

    List<OpenSearchNode> nodes() {
        return List.copyOf(nodes);
    }

    /** A connection to the first node, the cluster manager; the cluster closes it. */
    Connection connection() {
        return connection;
    }

    OpenSearchClient client() {
        return connection.client();
    }

    /** Waits until the cluster has every node it should and is at least {@code status}. */
    HealthResponse awaitHealth(HealthStatus status) throws IOException {
        var health = client().cluster().health(h -> h.waitForStatus(status).waitForNodes(n -> n.count(nodes.size()))
                .timeout(t -> t.time(START_TIMEOUT.toSeconds() + "s")));
        if (health.timedOut()) {
            throw new IOException("cluster " + name + " did not reach " + status.jsonValue() + " with " + nodes.size()
                    + " nodes: it is " + health.status().jsonValue() + " with " + health.numberOfNodes());
        }
        return health;
    }

    private void awaitNodes(int count) throws IOException {
        var health = client().cluster().health(h -> h.waitForNodes(n -> n.count(count))
                .timeout(t -> t.time(START_TIMEOUT.toSeconds() + "s")));
        if (health.timedOut()) {
            throw new IOException("cluster " + name + " did not reach " + count + " nodes (has "
                    + health.numberOfNodes() + ")");
        }
    }

    private OpenSearchNode launch() throws IOException {
        boolean first = nodesMade == 0;
        String nodeName = "node-" + (++nodesMade);
        String roles = first ? "[cluster_manager, data, ingest]" : "[data, ingest]";
        var node = new OpenSearchNode(nodeName, dir.resolve(nodeName), distribution, user, String.join("\n",
                "cluster.name: " + name,
                "node.roles: " + roles,
                "cluster.initial_cluster_manager_nodes: [node-1]"), LAUNCHER);
        nodes.add(node);
        node.start();
        return node;
    }

    // Every node learns every known transport address, so a node restarted or added later finds the others.
    private void shareSeeds() throws IOException {
        var known = new ArrayList<String>();
        for (var node : nodes) {
            if (node.running() && node.listening()) {
                known.add(node.transportAddress());
            }
        }
        for (var node : nodes) {
            node.seeds(known);
        }
    }

    private void stopAll() {
        // The data nodes first, then the manager, so no node waits for a manager that is gone.
        for (var node : nodes.reversed()) {
            try {
                node.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (connection != null) {
            connection.close();
        }
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or has run.
        }
    }
}
