package org.painsearch.crawl;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The frontier and the seen addresses of the current run as an append-only journal ({@code corpus/.crawl/state.jsonl}):
 * a line when an address is queued, a line when it is done. A run stopped at any moment (Ctrl+C, a kill, --max-pages)
 * resumes from it; a run that empties its frontier deletes it. Validators live with the raw copies.
 */
final class Journal implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What an unfinished run left: addresses queued but not done (in queue order), and every address seen. */
    record State(List<Task> pending, Set<String> seen) {
    }

    private final Path file;
    private final BufferedWriter out;

    Journal(Path file) throws IOException {
        this.file = file;
        org.painsearch.corpus.OwnerOnly.createFile(file);
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Reads the journal; a torn last line (the process killed mid-write) is ignored. */
    static State load(Path file) throws IOException {
        var queued = new LinkedHashMap<String, Task>();
        var seen = new HashSet<String>();
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                read(line, queued, seen);
            }
        }
        var pending = new ArrayList<Task>();
        for (Map.Entry<String, Task> e : queued.entrySet()) {
            if (!seen.contains(e.getKey())) {
                pending.add(e.getValue());
            }
        }
        if (pending.isEmpty()) {
            return new State(List.of(), Set.of()); // nothing left: the next run starts afresh
        }
        seen.addAll(queued.keySet());
        return new State(pending, seen);
    }

    private static void read(String line, Map<String, Task> queued, Set<String> done) {
        try {
            JsonNode n = JSON.readTree(line);
            if (n.hasNonNull("q")) {
                queued.putIfAbsent(n.get("q").asString(),
                        new Task(n.get("q").asString(), n.path("d").asInt(), n.path("m").asInt(), n.path("p").asString()));
            } else if (n.hasNonNull("x")) {
                done.add(n.get("x").asString());
            }
        } catch (JacksonException | IllegalArgumentException e) {
            // a line cut short by a kill: the address it named is simply fetched again
        }
    }

    synchronized void queued(Task t) {
        write(Map.of("q", t.url(), "d", t.depth(), "m", t.maxDepth(), "p", t.prefix()));
    }

    /**
     * The address is finished, whatever its outcome (an address reached through a redirect, once the one that led
     * there is: it needs no visit of its own).
     */
    synchronized void done(String url) {
        write(Map.of("x", url));
    }

    private void write(Map<String, Object> entry) {
        try {
            out.write(JSON.writeValueAsString(entry));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the crawl state " + file + ": " + e.getMessage(), e);
        }
    }

    /** The run emptied its frontier: the next crawl starts afresh (with conditional requests). */
    synchronized void finish() throws IOException {
        out.close();
        Files.deleteIfExists(file);
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
