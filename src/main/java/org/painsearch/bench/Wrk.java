package org.painsearch.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP load with {@code wrk}: a number of connections for a time, cycling through a list of paths (a Lua script,
 * each wrk thread starting at another place in the list), summarized by wrk itself as JSON.
 */
final class Wrk {
    private static final String MARK = "WRK_JSON ";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    // Two wrk threads: one per core; wrk shares the machine with the server it measures, for both sides alike.
    private static final int THREADS = 2;

    private final Path binary;
    private final Path work;

    private Wrk(Path binary, Path work) {
        this.binary = binary;
        this.work = work;
    }

    /**
     * wrk from the PATH, installed with apt-get when missing (the bench's one install step).
     *
     * @throws IOException saying how to install it when that fails
     */
    static Wrk find(Path work, PrintWriter out) throws IOException, InterruptedException {
        Path found = onPath();
        if (found == null) {
            out.println("wrk is missing; installing it with apt-get …");
            out.flush();
            boolean root = "root".equals(System.getProperty("user.name"));
            String sudo = root ? "" : "sudo ";
            run(List.of("sh", "-c", sudo + "apt-get update -qq && DEBIAN_FRONTEND=noninteractive " + sudo
                    + "apt-get install -y -qq wrk"), work.resolve("apt.log"));
            found = onPath();
            if (found == null) {
                throw new IOException("wrk is needed for the HTTP figures and could not be installed (see "
                        + work.resolve("apt.log") + "); install it with: sudo apt-get install wrk");
            }
        }
        return new Wrk(found, work);
    }

    /** Loads {@code baseUrl} + each of {@code paths} in turn with {@code connections} for {@code duration}. */
    LoadResult run(String baseUrl, List<String> paths, int connections, Duration duration)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile(work, "wrk-", ".lua");
        Files.writeString(script, script(paths), StandardCharsets.UTF_8);
        Path log = Files.createTempFile(work, "wrk-", ".log");
        run(List.of(binary.toString(), "-t" + THREADS, "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--timeout", "30s", "-s", script.toString(), baseUrl), log);
        String line = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith(MARK))
                .findFirst().orElseThrow(() -> new IOException("wrk printed no summary; see " + log));
        JsonNode n = JSON.readTree(line.substring(MARK.length()));
        double seconds = n.path("duration_us").asDouble() / 1e6;
        long requests = n.path("requests").asLong();
        return new LoadResult(requests, seconds, requests / seconds, n.path("p50_us").asDouble() / 1000,
                n.path("p99_us").asDouble() / 1000, n.path("errors").asLong());
    }

    static String script(List<String> paths) {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("wrk needs at least one path");
        }
        var lua = new StringBuilder("local paths = {\n");
        for (String p : paths) {
            if (p.contains("]]")) {
                throw new IllegalArgumentException("a path must be URL-encoded: " + p);
            }
            lua.append("  [[").append(p).append("]],\n");
        }
        lua.append("""
                }
                local counter = 0
                local threads = {}
                function setup(thread)
                  thread:set("offset", #threads * 7)
                  table.insert(threads, thread)
                end
                function init(args)
                  counter = offset or 0
                end
                function request()
                  counter = counter + 1
                  return wrk.format("GET", paths[(counter % #paths) + 1])
                end
                function done(summary, latency, requests)
                  local e = summary.errors
                  io.write(string.format('%s{"requests":%d,"duration_us":%d,"errors":%d,"p50_us":%d,"p99_us":%d}\\n',
                    "MARK", summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout,
                    math.floor(latency:percentile(50)), math.floor(latency:percentile(99))))
                end
                """.replace("MARK", MARK));
        return lua.toString();
    }

    private static Path onPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir, "wrk");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        var p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(command.get(0) + " did not finish within 10 minutes; see " + log);
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command.subList(0, Math.min(2, command.size())))
                    + " failed with exit code " + p.exitValue() + "; see " + log);
        }
    }
}
