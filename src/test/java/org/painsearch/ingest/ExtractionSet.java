package org.painsearch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public main-text extraction set in {@code ../shared/extraction} (pages and true texts, read in place, never
 * copied), and the benchmark's metric: {@code \w+} tokens, 4-gram shingles as multisets, per-page precision and
 * recall averaged over pages, F1 the harmonic mean of the two averages (as its {@code score.py} computes it).
 */
final class ExtractionSet {
    private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int NGRAM = 4;

    /** One page of the set with its true main text and, where known, its true metadata. */
    record Page(String name, String dataset, String url, String truth, String title, String author, String published,
                Path file) {
        String html() throws IOException {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    /** Precision and recall of one page, on the benchmark's normalized counts; {@code empty} when nothing came out. */
    record PageScore(String name, String dataset, double tp, double fp, double fn, boolean empty) {
        double precision() {
            if (fp == 0 && fn == 0) {
                return 1;
            }
            return tp + fp == 0 ? 0 : tp / (tp + fp);
        }

        double recall() {
            if (fp == 0 && fn == 0) {
                return 1;
            }
            return tp + fn == 0 ? 0 : tp / (tp + fn);
        }
    }

    /** Mean precision (over pages with output), mean recall (over all pages) and their harmonic mean. */
    record Score(int pages, double precision, double recall, double f1) {
        static Score of(List<PageScore> scores) {
            double p = scores.stream().filter(s -> s.tp() + s.fp() > 0).mapToDouble(PageScore::precision).average().orElse(0);
            double r = scores.stream().filter(s -> s.tp() + s.fn() > 0).mapToDouble(PageScore::recall).average().orElse(0);
            return new Score(scores.size(), p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
        }
    }

    private ExtractionSet() {
    }

    static List<Page> load(Path dir) throws IOException {
        var json = JsonMapper.builder().build();
        var pages = new ArrayList<Page>();
        for (String line : Files.readAllLines(dir.resolve("truth.jsonl"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            String name = n.get("name").asString();
            pages.add(new Page(name, n.get("dataset").asString(), text(n, "url"), text(n, "text"), text(n, "title"),
                    text(n, "author"), text(n, "published"), dir.resolve("pages").resolve(name + ".html.gz")));
        }
        return pages;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    static PageScore score(Page page, String predicted) {
        Map<List<String>, Integer> truth = shingles(tokens(page.truth()));
        Map<List<String>, Integer> pred = shingles(tokens(predicted));
        double tp = 0;
        double fp = 0;
        double fn = 0;
        var all = new java.util.HashSet<>(truth.keySet());
        all.addAll(pred.keySet());
        for (var sh : all) {
            int a = truth.getOrDefault(sh, 0);
            int b = pred.getOrDefault(sh, 0);
            tp += Math.min(a, b);
            fp += Math.max(0, b - a);
            fn += Math.max(0, a - b);
        }
        double total = tp + fp + fn;
        boolean empty = tokens(predicted).isEmpty();
        return total == 0 ? new PageScore(page.name(), page.dataset(), 0, 0, 0, empty)
                : new PageScore(page.name(), page.dataset(), tp / total, fp / total, fn / total, empty);
    }

    static List<String> tokens(String text) {
        var out = new ArrayList<String>();
        var m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static Map<List<String>, Integer> shingles(List<String> tokens) {
        var out = new HashMap<List<String>, Integer>();
        for (int i = 0; i < Math.max(1, tokens.size() - NGRAM + 1); i++) {
            var sh = tokens.subList(i, Math.min(tokens.size(), i + NGRAM));
            if (!sh.isEmpty()) {
                out.merge(List.copyOf(sh), 1, Integer::sum);
            }
        }
        return out;
    }
}
