package org.painsearch.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The queries every search figure runs: short queries as a therapist types them, and questions sampled evenly
 * from the eval collections' {@code queries.jsonl} (long, in plain words).
 */
public record QuerySet(List<String> shortQueries, List<String> questions) {
    /** What a massage therapist studying pain types into the box. */
    public static final List<String> SHORT = List.of("crps", "endorphins massage", "central sensitization",
            "fibromyalgia", "low back pain", "trigger points", "placebo", "oxytocin touch", "gate control",
            "pain education", "neuropathic pain", "migraine", "inflammation", "cortisol stress", "exercise",
            "fear avoidance", "whiplash", "tendinopathy", "knee arthritis", "tension headache", "anxiety",
            "opioids", "sciatica", "muscle spasm", "pins and needles", "slipped disc", "sleep", "diabetic neuropathy",
            "neck pain", "chronic fatigue");

    public QuerySet {
        shortQueries = List.copyOf(shortQueries);
        questions = List.copyOf(questions);
        if (shortQueries.isEmpty() || questions.isEmpty()) {
            throw new IllegalArgumentException("the bench needs short queries and questions");
        }
    }

    /** The short list and {@code count} questions taken at even steps through {@code all}. */
    public static QuerySet of(List<String> all, int count) {
        if (all.isEmpty()) {
            throw new IllegalArgumentException("the collections have no queries.jsonl questions");
        }
        var picked = new ArrayList<String>();
        int n = Math.min(count, all.size());
        for (int i = 0; i < n; i++) {
            picked.add(all.get((int) ((long) i * all.size() / n)));
        }
        return new QuerySet(SHORT, picked);
    }

    /** Short queries then questions. */
    public List<String> all() {
        var out = new ArrayList<>(shortQueries);
        out.addAll(questions);
        return out;
    }

    /** {@code /api/search?q=...} for each query. */
    public static List<String> searchPaths(List<String> queries) {
        return queries.stream().map(q -> "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).toList();
    }
}
