package org.painsearch.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A BEIR-layout test collection: {@code corpus.jsonl}, {@code queries.jsonl} and {@code qrels/<split>.tsv}.
 *
 * @param docs      the corpus in file order
 * @param queries   query id to query text, only for queries judged in the split
 * @param judgments query id to (document id to graded relevance)
 */
public record BeirCollection(List<Doc> docs, Map<String, String> queries, Map<String, Map<String, Integer>> judgments) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public BeirCollection {
        docs = List.copyOf(docs);
        queries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(queries));
        judgments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(judgments));
    }

    /** One corpus entry as the collection gives it. */
    public record Doc(String id, String title, String text) {
    }

    /** Reads the collection in {@code dir} for {@code split}; a missing file is an IOException naming it. */
    public static BeirCollection load(Path dir, String split) throws IOException {
        Path qrels = dir.resolve("qrels").resolve(split + ".tsv");
        for (Path p : List.of(dir.resolve("corpus.jsonl"), dir.resolve("queries.jsonl"), qrels)) {
            if (!Files.isRegularFile(p)) {
                throw new IOException("not a BEIR collection: " + p + " is missing");
            }
        }
        var judgments = readQrels(qrels);
        var queries = new LinkedHashMap<String, String>();
        forEachJson(dir.resolve("queries.jsonl"), n -> {
            String id = n.path("_id").asString();
            if (judgments.containsKey(id)) {
                queries.put(id, n.path("text").asString(""));
            }
        });
        var docs = new ArrayList<Doc>();
        forEachJson(dir.resolve("corpus.jsonl"), n ->
                docs.add(new Doc(n.path("_id").asString(), n.path("title").asString(""), n.path("text").asString(""))));
        return new BeirCollection(docs, queries, judgments);
    }

    /** Reads {@code query-id corpus-id score} lines after a header. */
    static Map<String, Map<String, Integer>> readQrels(Path file) throws IOException {
        var out = new LinkedHashMap<String, Map<String, Integer>>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String[] cols = lines.get(i).strip().split("\\s+");
            if (cols.length < 3 || (i == 0 && !cols[2].matches("-?\\d+"))) {
                continue;
            }
            out.computeIfAbsent(cols[0], k -> new LinkedHashMap<>()).put(cols[1], Integer.parseInt(cols[2]));
        }
        return out;
    }

    private static void forEachJson(Path file, java.util.function.Consumer<JsonNode> each) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    each.accept(JSON.readTree(line));
                } catch (tools.jackson.core.JacksonException e) {
                    throw new IOException(file + " line " + n + " is not JSON: " + e.getOriginalMessage(), e);
                }
            }
        }
    }
}
