package org.painsearch.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.painsearch.index.Fields;

/**
 * Spreads a query parsed over the one virtual field {@link #ANY} across the document's text fields with their
 * weights: per field with the scores added, or (combined) as one BM25F field per word. Queries naming a real field
 * ({@code title:}, {@code body:}) are left as they are.
 */
final class FieldExpansion {
    /** The field the query parser reads plain words into; no document has it. */
    static final String ANY = "any";

    private final Map<String, Float> weights;
    private final boolean combined;

    private FieldExpansion(Map<String, Float> weights, boolean combined) {
        this.weights = weights;
        this.combined = combined;
    }

    /** Title, tags, authors and body as one BM25F field, with the configured weights. */
    static FieldExpansion of(RankingConfig config) {
        var w = new LinkedHashMap<String, Float>();
        w.put(Fields.TITLE, config.titleWeight());
        w.put(Fields.TAGS_TEXT, config.tagsWeight());
        w.put(Fields.AUTHORS_TEXT, config.authorsWeight());
        w.put(Fields.BODY, 1f);
        return new FieldExpansion(w, true);
    }

    /** One field alone, each field scoring on its own. */
    static FieldExpansion only(String field) {
        return new FieldExpansion(Map.of(field, 1f), false);
    }

    Query expand(Query q) {
        return QueryTrees.mapLeaves(q, this::expandLeaf);
    }

    private Query expandLeaf(Query q) {
        return switch (q) {
            case TermQuery t when isAny(t.getTerm()) -> term(t.getTerm().bytes().utf8ToString());
            case SynonymQuery s when ANY.equals(s.getField()) -> synonyms(s);
            case PhraseQuery p when ANY.equals(p.getField()) -> perField(f -> {
                var b = new PhraseQuery.Builder().setSlop(p.getSlop());
                Term[] terms = p.getTerms();
                int[] positions = p.getPositions();
                for (int i = 0; i < terms.length; i++) {
                    b.add(new Term(f, terms[i].bytes()), positions[i]);
                }
                return b.build();
            });
            case MultiPhraseQuery p when p.getTermArrays().length > 0 && ANY.equals(p.getTermArrays()[0][0].field()) ->
                    perField(f -> {
                        var b = new MultiPhraseQuery.Builder().setSlop(p.getSlop());
                        Term[][] arrays = p.getTermArrays();
                        int[] positions = p.getPositions();
                        for (int i = 0; i < arrays.length; i++) {
                            Term[] moved = java.util.Arrays.stream(arrays[i]).map(t -> new Term(f, t.bytes())).toArray(Term[]::new);
                            b.add(moved, positions[i]);
                        }
                        return b.build();
                    });
            case PrefixQuery p when isAny(p.getPrefix()) -> perField(f -> new PrefixQuery(new Term(f, p.getPrefix().bytes())));
            case WildcardQuery w when isAny(w.getTerm()) -> perField(f -> new WildcardQuery(new Term(f, w.getTerm().bytes())));
            case FuzzyQuery z when isAny(z.getTerm()) -> perField(f -> new FuzzyQuery(new Term(f, z.getTerm().bytes()),
                    z.getMaxEdits(), z.getPrefixLength()));
            case RegexpQuery r when isAny(r.getRegexp()) -> perField(f -> new RegexpQuery(new Term(f, r.getRegexp().bytes())));
            default -> q;
        };
    }

    private static boolean isAny(Term t) {
        return ANY.equals(t.field());
    }

    private Query term(String text) {
        if (combined) {
            var b = new CombinedFieldQuery.Builder(text);
            weights.forEach(b::addField);
            return b.build();
        }
        return perField(f -> new TermQuery(new Term(f, text)));
    }

    // Equivalent words are blended into one word, per field or across the combined fields.
    private Query synonyms(SynonymQuery s) {
        if (combined) {
            var b = new org.apache.lucene.sandbox.search.CombinedFieldQuery.Builder();
            weights.forEach(b::addField);
            s.getTerms().forEach(t -> b.addTerm(t.bytes()));
            return b.build();
        }
        return perField(f -> {
            var b = new SynonymQuery.Builder(f);
            s.getTerms().forEach(t -> b.addTerm(new Term(f, t.bytes())));
            return b.build();
        });
    }

    private Query perField(java.util.function.Function<String, Query> make) {
        if (weights.size() == 1) {
            var only = weights.entrySet().iterator().next();
            return boosted(make.apply(only.getKey()), only.getValue());
        }
        var b = new BooleanQuery.Builder();
        weights.forEach((f, w) -> b.add(boosted(make.apply(f), w), Occur.SHOULD));
        return b.build();
    }

    private static Query boosted(Query q, float w) {
        return w == 1f ? q : new BoostQuery(q, w);
    }

    /** The fields and weights spread over, for callers that build their own per-field queries. */
    List<String> fields() {
        return List.copyOf(weights.keySet());
    }
}
