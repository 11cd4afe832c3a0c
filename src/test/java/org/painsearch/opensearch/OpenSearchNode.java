package org.painsearch.opensearch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One OpenSearch node of a test cluster, in its own folder: links to the shared distribution's code, its own
 * config, data, logs and temporary files. It starts on loopback with a 512 MB heap; the first start takes free
 * ports, and every restart takes the same ones again, so the rest of the cluster finds it where it was.
 */
final class OpenSearchNode {
    private static final List<String> SHARED = List.of("bin", "lib", "modules", "plugins", "agent");
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);
    // The small heap the tests need; C1 only, because C2 compiling at start competes for the two shared cores and
    // measured nearly twice as slow to start (test data is too small for C2's faster code to matter).
    private static final String JAVA_OPTS = System.getProperty("painsearch.opensearch.java.opts",
            "-Xms512m -Xmx512m -XX:TieredStopAtLevel=1");

    private final String name;
    private final Path dir;
    private final OpenSearchDistribution distribution;
    private final NodeUser user;
    private final String settings;
    private final ExecutorService launcher;
    private Process process;
    private int httpPort;
    private int transportPort;

    /** A node named {@code name} under {@code dir}, with {@code settings} (YAML lines) on top of the common ones. */
    OpenSearchNode(String name, Path dir, OpenSearchDistribution distribution, NodeUser user, String settings,
            ExecutorService launcher) throws IOException {
        this.name = name;
        this.dir = dir;
        this.distribution = distribution;
        this.user = user;
        this.settings = settings;
        this.launcher = launcher;
        layOut();
    }

    String name() {
        return name;
    }

    Path dir() {
        return dir;
    }

    ClusterAddress address() {
        return new ClusterAddress("http", "127.0.0.1", httpPort, "");
    }

    String transportAddress() {
        return "127.0.0.1:" + transportPort;
    }

    /** Whether the node has told its ports (after its first {@link #awaitPorts}). */
    boolean listening() {
        return transportPort != 0;
    }

    boolean running() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    private void layOut() throws IOException {
        Files.createDirectories(dir);
        for (String shared : SHARED) {
            Files.createSymbolicLink(dir.resolve(shared), distribution.home().resolve(shared));
        }
        Tree.copy(distribution.home().resolve("config"), dir.resolve("config"));
        for (String own : List.of("data", "logs", "tmp")) {
            Files.createDirectories(dir.resolve(own));
        }
        Files.writeString(dir.resolve("config/unicast_hosts.txt"), "");
        user.own(dir.resolve("config"), dir.resolve("data"), dir.resolve("logs"), dir.resolve("tmp"));
    }

    /** Names the other nodes' transport addresses; nodes re-read this file while looking for their cluster. */
    void seeds(List<String> transportAddresses) throws IOException {
        Files.writeString(dir.resolve("config/unicast_hosts.txt"), String.join("\n", transportAddresses) + "\n");
    }

    /** Starts the process; {@link #awaitPorts} then waits until it listens. */
    void start() throws IOException {
        if (running()) {
            throw new IllegalStateException(name + " is already running");
        }
        Files.deleteIfExists(dir.resolve("logs/http.ports"));
        Files.deleteIfExists(dir.resolve("logs/transport.ports"));
        Files.writeString(dir.resolve("config/opensearch.yml"), config(), StandardCharsets.UTF_8);
        var command = new ArrayList<>(user.launcher());
        command.add(dir.resolve("bin/opensearch").toString());
        var builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("logs/console.log").toFile()));
        var env = builder.environment();
        env.put("OPENSEARCH_HOME", dir.toString());
        env.put("OPENSEARCH_PATH_CONF", dir.resolve("config").toString());
        env.put("OPENSEARCH_TMPDIR", dir.resolve("tmp").toString());
        env.put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
        env.put("OPENSEARCH_JAVA_OPTS", JAVA_OPTS);
        env.put("HOME", dir.toString());
        // Started from one long-lived thread: the parent-death signal follows the thread that forked the node.
        try {
            process = launcher.submit(builder::start).get();
        } catch (ExecutionException e) {
            throw new IOException("could not start OpenSearch node " + name + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting " + name, e);
        }
    }

    /** Waits until the node listens on HTTP and transport, or says why it never will. */
    void awaitPorts(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Path http = dir.resolve("logs/http.ports");
        Path transport = dir.resolve("logs/transport.ports");
        while (!(Files.isRegularFile(http) && Files.isRegularFile(transport))) {
            if (!process.isAlive()) {
                throw new IOException("OpenSearch node " + name + " stopped while starting (exit " + process.exitValue()
                        + "); the end of " + dir.resolve("logs/console.log") + ":\n" + consoleTail());
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("OpenSearch node " + name + " did not listen within " + timeout.toSeconds()
                        + " s; the end of its console log:\n" + consoleTail());
            }
            Thread.sleep(100);
        }
        httpPort = port(http);
        transportPort = port(transport);
    }

    /** SIGKILL: the node dies at once, as in a crash or an out-of-memory kill. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM and a wait for OpenSearch's own orderly shutdown; SIGKILL only if that hangs. */
    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
            kill();
        }
    }

    String consoleTail() {
        return Tree.tail(dir.resolve("logs/console.log"), 40);
    }

    private String config() {
        return String.join("\n",
                "node.name: " + name,
                "network.host: 127.0.0.1",
                "http.port: " + httpPort,
                "transport.port: " + transportPort,
                // The node writes the ports it took, so a first start on port 0 is told where it listens.
                "node.portsfile: true",
                "path.data: " + dir.resolve("data"),
                "path.logs: " + dir.resolve("logs"),
                "discovery.seed_providers: file",
                "discovery.seed_hosts: []",
                // A nearly full developer disk must not turn test indices read-only.
                "cluster.routing.allocation.disk.threshold_enabled: false",
                settings) + "\n";
    }

    private static int port(Path portsFile) throws IOException {
        // The file may list an IPv6 address first when bound to several; the port is what follows the last colon.
        String first = Files.readAllLines(portsFile).getFirst().strip();
        return Integer.parseInt(first.substring(first.lastIndexOf(':') + 1));
    }
}
