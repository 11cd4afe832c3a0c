package org.painsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.painsearch.engine.HitExplanation;
import org.painsearch.engine.HitExplanation.Match;

/** Why a hit matched: Lucene's explain() folded into what each field and term (or synonym, or phrase) weighed. */
public final class Explanations {
    // Lucene's leaf descriptions: weight(body:pain in 12), weight(Synonym(body:a body:b) in 3), weight(title:"a b"~3 in 1).
    private static final Pattern WEIGHT = Pattern.compile("^weight\\((?:Synonym\\()?(\\w+):(.+?)\\)? in \\d+\\)");
    // BM25F over the text fields: weight(CombinedFieldQuery((title tags_text authors_text body)(pain)) in 12).
    private static final Pattern COMBINED = Pattern.compile("^weight\\(CombinedFieldQuery\\(\\([^)]*\\)\\((.+?)\\)\\) in \\d+\\)");
    /** The field name reported for a word scored over title, tags, authors and body together (BM25F). */
    public static final String COMBINED_FIELD = "text";

    private Explanations() {
    }

    static HitExplanation explain(IndexSearcher searcher, Query textQuery, int doc, Set<String> typedStems,
                                  String fusion) throws IOException {
        return of(searcher.explain(textQuery, doc), typedStems, fusion);
    }

    /**
     * A hit's explanation from Lucene's explanation {@code e} of its words' score (an OpenSearch node's is the same
     * tree), the stems the user typed (other terms are synonyms) and how the ranks were fused (null: by words only).
     */
    public static HitExplanation of(Explanation e, Set<String> typedStems, String fusion) {
        var parts = new LinkedHashMap<String, Match>();
        collect(e, typedStems, parts);
        var matches = new ArrayList<>(parts.values());
        matches.sort((a, b) -> Double.compare(b.weight(), a.weight()));
        return new HitExplanation(round(e.getValue().doubleValue()), matches, fusion);
    }

    private static void collect(Explanation e, Set<String> typed, Map<String, Match> out) {
        var c = COMBINED.matcher(e.getDescription());
        if (c.find()) {
            add(COMBINED_FIELD, c.group(1).replaceAll("\\b\\w+:", ""), typed, e, out);
            return;
        }
        var m = WEIGHT.matcher(e.getDescription());
        if (m.find()) {
            add(m.group(1), m.group(2).replaceAll("\\s+\\w+:", " "), typed, e, out);
            return;
        }
        for (Explanation d : e.getDetails()) {
            collect(d, typed, out);
        }
    }

    private static void add(String field, String term, Set<String> typed, Explanation e, Map<String, Match> out) {
        boolean synonym = !term.startsWith("\"") && java.util.Arrays.stream(term.split(" "))
                .anyMatch(t -> !typed.contains(t));
        out.merge(field + ":" + term, new Match(field, term, synonym, round(e.getValue().doubleValue())),
                (a, b) -> new Match(a.field(), a.term(), a.synonym(), round(a.weight() + b.weight())));
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
