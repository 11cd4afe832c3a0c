package org.painsearch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The raw material of the bench corpus: titles, paragraphs and sentences of every {@code corpus.jsonl} in a folder
 * of BEIR-layout collections, and the questions of their {@code queries.jsonl}, each list in a fixed order.
 */
public record SourceTexts(List<String> titles, List<String> paragraphs, List<String> sentences, List<String> questions) {
    // A paragraph gathers sentences until it has this many words: about what a summary's paragraph holds.
    static final int PARAGRAPH_WORDS = 60;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public SourceTexts {
        titles = List.copyOf(titles);
        paragraphs = List.copyOf(paragraphs);
        sentences = List.copyOf(sentences);
        questions = List.copyOf(questions);
        if (titles.isEmpty() || paragraphs.isEmpty() || sentences.isEmpty()) {
            throw new IllegalArgumentException("the collections hold no titled documents with text to recombine");
        }
    }

    /**
     * Reads every collection folder under {@code evalDir} (sorted by name, so the result never depends on the file
     * system's order).
     *
     * @throws IOException naming the folder or file when there is nothing to read or a line is not JSON
     */
    public static SourceTexts load(Path evalDir) throws IOException {
        if (!Files.isDirectory(evalDir)) {
            throw new IOException("no collections folder at " + evalDir
                    + " (the bench reads ../shared/eval/*/corpus.jsonl; pass --shared DIR)");
        }
        List<Path> collections;
        try (Stream<Path> s = Files.list(evalDir)) {
            collections = s.filter(p -> Files.isRegularFile(p.resolve("corpus.jsonl"))).sorted().toList();
        }
        if (collections.isEmpty()) {
            throw new IOException("no */corpus.jsonl under " + evalDir + " (pass --shared DIR)");
        }
        var titles = new ArrayList<String>();
        var paragraphs = new ArrayList<String>();
        var sentences = new ArrayList<String>();
        var questions = new ArrayList<String>();
        var splitter = BreakIterator.getSentenceInstance(Locale.ROOT);
        for (Path dir : collections) {
            forEachJson(dir.resolve("corpus.jsonl"), n -> {
                String title = n.path("title").asString("").strip();
                if (!title.isEmpty()) {
                    titles.add(title);
                }
                List<String> split = sentences(n.path("text").asString(""), splitter);
                sentences.addAll(split);
                paragraphs.addAll(paragraphs(split));
            });
            Path queries = dir.resolve("queries.jsonl");
            if (Files.isRegularFile(queries)) {
                forEachJson(queries, n -> {
                    String q = n.path("text").asString("").strip();
                    if (!q.isEmpty()) {
                        questions.add(q);
                    }
                });
            }
        }
        return new SourceTexts(titles, paragraphs, sentences, questions);
    }

    static List<String> sentences(String text, BreakIterator splitter) {
        var out = new ArrayList<String>();
        String t = text.strip().replaceAll("\\s+", " ");
        splitter.setText(t);
        int start = splitter.first();
        for (int end = splitter.next(); end != BreakIterator.DONE; start = end, end = splitter.next()) {
            String s = t.substring(start, end).strip();
            if (s.length() >= 20) {
                out.add(s);
            }
        }
        return out;
    }

    static List<String> paragraphs(List<String> sentences) {
        var out = new ArrayList<String>();
        var current = new StringBuilder();
        int words = 0;
        for (String s : sentences) {
            current.append(current.isEmpty() ? "" : " ").append(s);
            words += s.split(" ").length;
            if (words >= PARAGRAPH_WORDS) {
                out.add(current.toString());
                current.setLength(0);
                words = 0;
            }
        }
        if (words >= PARAGRAPH_WORDS / 3) {
            out.add(current.toString());
        }
        return out;
    }

    private static void forEachJson(Path file, Consumer<JsonNode> each) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (!line.isBlank()) {
                    try {
                        each.accept(JSON.readTree(line));
                    } catch (JacksonException e) {
                        throw new IOException(file + " line " + n + " is not JSON: " + e.getOriginalMessage(), e);
                    }
                }
            }
        }
    }
}
