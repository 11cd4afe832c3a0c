package org.painsearch.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.CombinedFieldsOperator;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * painsearch's query, as its own query reading built it for the embedded index (parsing, synonyms, field weights,
 * questions, filters), sent to OpenSearch as the same Lucene query: every word goes as the exact term painsearch
 * analyzed, so the cluster never reads the query text again. Term, phrase, combined-field (BM25F), boolean,
 * disjunction, boost, prefix, wildcard, fuzzy, regular-expression, set and range queries are rendered one for one;
 * text parts go through {@link IndexDefinition#TERMS_ANALYZER}, which only splits what is written here.
 * <p>One difference is known: equivalent one-word synonyms inside a combined-field word. Lucene blends them into one
 * BM25F word; no OpenSearch query does (its {@code combined_fields} scores each synonym alone and joins them with the
 * operator), so they go as a disjunction of one combined-field word each, the best counting whole and the others by
 * the ranking's synonym tie. On the dev collections this moves nDCG@10 by less than 0.002 (see README).
 */
public final class QueryDsl {
    /** Separates words painsearch stacked at one position (synonyms) for {@link IndexDefinition#TERMS_ANALYZER}. */
    static final String SAME_POSITION = "|";
    /** Stands for a position the embedded analysis left empty (a stop word) in a phrase. */
    static final String GAP = "|";

    private final Map<String, Float> combinedWeights;
    private final List<String> fieldOrder;
    private final float synonymTie;

    /**
     * A translator rendering combined-field words over {@code combinedWeights} (field to weight, in order), equivalent
     * words in one of them as a disjunction with {@code synonymTie} (the ranking's own tie for a concept written two ways).
     */
    public QueryDsl(Map<String, Float> combinedWeights, float synonymTie) {
        this.combinedWeights = Map.copyOf(combinedWeights);
        this.fieldOrder = List.copyOf(combinedWeights.keySet());
        this.synonymTie = synonymTie;
    }

    /**
     * The query for OpenSearch.
     *
     * @throws IllegalArgumentException for a kind of query painsearch does not build (a bug, named in the message)
     */
    public Query of(org.apache.lucene.search.Query q) {
        return switch (q) {
            case BooleanQuery b -> bool(b);
            case BoostQuery b -> boosted(of(b.getQuery()), b.getBoost());
            case ConstantScoreQuery c -> Query.of(x -> x.constantScore(cs -> cs.filter(of(c.getQuery()))));
            case DisjunctionMaxQuery d -> Query.of(x -> x.disMax(dm -> dm.tieBreaker(d.getTieBreakerMultiplier())
                    .queries(d.getDisjuncts().stream().map(this::of).toList())));
            case TermQuery t -> Query.of(x -> x.term(tq -> tq.field(t.getTerm().field())
                    .value(FieldValue.of(t.getTerm().text()))));
            case SynonymQuery s -> Query.of(x -> x.match(m -> m.field(s.getField()).analyzer(IndexDefinition.TERMS_ANALYZER)
                    .query(FieldValue.of(stacked(s.getTerms().stream().map(Term::text).toList())))));
            case PhraseQuery p -> phrase(p.getField(), p.getSlop(), positions(p.getTerms(), p.getPositions()));
            case MultiPhraseQuery p -> phrase(p.getTermArrays()[0][0].field(), p.getSlop(),
                    positions(p.getTermArrays(), p.getPositions()));
            case org.apache.lucene.search.CombinedFieldQuery c -> combined(c);
            case org.apache.lucene.sandbox.search.CombinedFieldQuery c -> combined(c);
            case PrefixQuery p -> Query.of(x -> x.prefix(pq -> pq.field(p.getField()).value(p.getPrefix().text())
                    .rewrite(rewrite(p))));
            case WildcardQuery w -> Query.of(x -> x.wildcard(wq -> wq.field(w.getField()).value(w.getTerm().text())
                    .rewrite(rewrite(w))));
            case FuzzyQuery f -> Query.of(x -> x.fuzzy(fq -> fq.field(f.getField()).value(FieldValue.of(f.getTerm().text()))
                    .fuzziness(Integer.toString(f.getMaxEdits())).prefixLength(f.getPrefixLength())
                    .transpositions(f.getTranspositions())));
            case RegexpQuery r -> Query.of(x -> x.regexp(rq -> rq.field(r.getField()).value(r.getRegexp().text())
                    .rewrite(rewrite(r))));
            case TermInSetQuery t -> Query.of(x -> x.terms(tq -> tq.field(t.getField())
                    .terms(v -> v.value(values(t)))));
            case IndexOrDocValuesQuery i -> of(i.getIndexQuery());
            case org.apache.lucene.search.IndexSortSortedNumericDocValuesRangeQuery r -> of(r.getFallbackQuery());
            case PointRangeQuery r when r.getNumDims() == 1 && r.getBytesPerDim() == Integer.BYTES ->
                    Query.of(x -> x.range(rq -> rq.field(r.getField())
                            .gte(JsonData.of(IntPoint.decodeDimension(r.getLowerPoint(), 0)))
                            .lte(JsonData.of(IntPoint.decodeDimension(r.getUpperPoint(), 0)))));
            case CloserThan c -> closerThan(c);
            case MatchAllDocsQuery m -> Query.of(x -> x.matchAll(a -> a));
            case MatchNoDocsQuery m -> Query.of(x -> x.matchNone(n -> n));
            default -> throw new IllegalArgumentException("painsearch cannot send a " + q.getClass().getSimpleName()
                    + " to OpenSearch: " + q);
        };
    }

    // Documents with a passage at least this close: a radius search over the nested passage vectors, each document
    // scored by its closest passage, as Lucene scores a cosine: (1 + cos) / 2.
    private static Query closerThan(CloserThan c) {
        var vector = floats(c.vector());
        float minScore = (1 + c.cosine()) / 2;
        return Query.of(x -> x.nested(n -> n.path(IndexDefinition.PASSAGES)
                .scoreMode(org.opensearch.client.opensearch._types.query_dsl.ChildScoreMode.Max)
                .query(q -> q.knn(k -> k.field(IndexDefinition.PASSAGE_VECTOR).vector(vector).minScore(minScore)))));
    }

    /**
     * The {@code k} documents matching {@code filter} (a query over documents; null for all) whose passages come
     * nearest {@code vector}, each scored by its closest passage as {@code (1 + cos) / 2}.
     */
    Query nearest(float[] vector, org.apache.lucene.search.Query filter, int k) {
        var v = floats(vector);
        Query f = filter == null ? null : of(filter);
        return Query.of(x -> x.nested(n -> n.path(IndexDefinition.PASSAGES)
                .scoreMode(org.opensearch.client.opensearch._types.query_dsl.ChildScoreMode.Max)
                .query(q -> q.knn(kq -> {
                    kq.field(IndexDefinition.PASSAGE_VECTOR).vector(v).k(k);
                    if (f != null) {
                        kq.filter(f);
                    }
                    return kq;
                }))));
    }

    static List<Float> floats(float[] vector) {
        var out = new ArrayList<Float>(vector.length);
        for (float f : vector) {
            out.add(f);
        }
        return out;
    }

    /**
     * Documents having a passage at least {@code cosine} close to {@code vector}, scored by their closest: the
     * meaning part of a hybrid search, composed with painsearch's Lucene queries and rendered here.
     */
    public static final class CloserThan extends org.apache.lucene.search.Query {
        private final float[] vector;
        private final float cosine;

        public CloserThan(float[] vector, float cosine) {
            this.vector = vector.clone();
            this.cosine = cosine;
        }

        float[] vector() {
            return vector;
        }

        float cosine() {
            return cosine;
        }

        @Override
        public String toString(String field) {
            return "passages closer than cosine " + cosine;
        }

        @Override
        public void visit(QueryVisitor visitor) {
            visitor.visitLeaf(this);
        }

        @Override
        public boolean equals(Object other) {
            return sameClassAs(other) && cosine == ((CloserThan) other).cosine
                    && java.util.Arrays.equals(vector, ((CloserThan) other).vector);
        }

        @Override
        public int hashCode() {
            return classHash() * 31 + java.util.Arrays.hashCode(vector) + Float.hashCode(cosine);
        }
    }

    // How a wildcard's terms are scored, as Lucene's query parser set it: by default, each of a few rare terms a
    // constant score of its own (a document with more of them ranks higher), the many common ones as one set.
    private static String rewrite(org.apache.lucene.search.MultiTermQuery q) {
        var method = q.getRewriteMethod();
        if (method == org.apache.lucene.search.MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE) {
            return "constant_score_blended";
        }
        if (method == org.apache.lucene.search.MultiTermQuery.CONSTANT_SCORE_REWRITE) {
            return "constant_score";
        }
        if (method == org.apache.lucene.search.MultiTermQuery.CONSTANT_SCORE_BOOLEAN_REWRITE) {
            return "constant_score_boolean";
        }
        if (method == org.apache.lucene.search.MultiTermQuery.SCORING_BOOLEAN_REWRITE) {
            return "scoring_boolean";
        }
        throw new IllegalArgumentException("painsearch cannot send the rewrite " + method + " of " + q + " to OpenSearch");
    }

    private Query bool(BooleanQuery b) {
        var must = new ArrayList<Query>();
        var should = new ArrayList<Query>();
        var filter = new ArrayList<Query>();
        var mustNot = new ArrayList<Query>();
        for (BooleanClause c : b.clauses()) {
            Query q = of(c.query());
            switch (c.occur()) {
                case MUST -> must.add(q);
                case SHOULD -> should.add(q);
                case FILTER -> filter.add(q);
                case MUST_NOT -> mustNot.add(q);
            }
        }
        int atLeast = b.getMinimumNumberShouldMatch();
        return Query.of(x -> x.bool(bq -> {
            bq.must(must).should(should).filter(filter).mustNot(mustNot);
            if (atLeast > 0) {
                bq.minimumShouldMatch(Integer.toString(atLeast));
            } else if (!should.isEmpty() && (!must.isEmpty() || !filter.isEmpty())) {
                bq.minimumShouldMatch("0"); // as Lucene: optional beside a required clause
            }
            return bq;
        }));
    }

    private static Query boosted(Query inner, float boost) {
        return Query.of(x -> x.bool(b -> b.must(inner).boost(boost)));
    }

    // One combined-field word: its terms (several when synonyms were blended) over the weighted fields.
    private Query combined(org.apache.lucene.search.Query c) {
        var fields = new LinkedHashSet<String>();
        var terms = new LinkedHashSet<String>();
        c.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(org.apache.lucene.search.Query query, Term... ts) {
                for (Term t : ts) {
                    fields.add(t.field());
                    terms.add(t.text());
                }
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, org.apache.lucene.search.Query parent) {
                return this;
            }
        });
        if (!combinedWeights.keySet().containsAll(fields)) {
            throw new IllegalArgumentException("a combined-field word over " + fields + " is not over the configured "
                    + "fields " + fieldOrder);
        }
        var weighted = fieldOrder.stream().filter(fields::contains).map(f -> {
            float w = combinedWeights.get(f);
            return w == 1f ? f : f + "^" + w;
        }).toList();
        if (terms.size() == 1) {
            String text = stacked(List.copyOf(terms));
            return Query.of(x -> x.combinedFields(cf -> cf.query(text).fields(weighted).operator(CombinedFieldsOperator.Or)));
        }
        var each = terms.stream().map(t -> Query.of(x -> x.combinedFields(cf -> cf.query(stacked(List.of(t))).fields(weighted)
                .operator(CombinedFieldsOperator.Or)))).toList();
        return Query.of(x -> x.disMax(d -> d.queries(each).tieBreaker(synonymTie)));
    }

    private static Query phrase(String field, int slop, List<List<String>> byPosition) {
        var words = new ArrayList<String>();
        for (List<String> at : byPosition) {
            words.add(at.isEmpty() ? GAP : stacked(at));
        }
        String text = String.join(" ", words);
        return Query.of(x -> x.matchPhrase(m -> m.field(field).query(text).slop(slop)
                .analyzer(IndexDefinition.TERMS_ANALYZER)));
    }

    // The words at each position from the first on, an empty list where the analysis left a gap.
    private static List<List<String>> positions(Term[] terms, int[] positions) {
        return positions(java.util.Arrays.stream(terms).map(t -> new Term[] {t}).toArray(Term[][]::new), positions);
    }

    private static List<List<String>> positions(Term[][] terms, int[] positions) {
        var out = new ArrayList<List<String>>();
        int first = positions.length == 0 ? 0 : positions[0];
        for (int i = 0; i < terms.length; i++) {
            int at = positions[i] - first;
            while (out.size() <= at) {
                out.add(new ArrayList<>());
            }
            for (Term t : terms[i]) {
                out.get(at).add(t.text());
            }
        }
        return out;
    }

    private static String stacked(List<String> words) {
        for (String w : words) {
            if (w.contains(SAME_POSITION) || w.isBlank() || w.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("the word '" + w + "' cannot be sent as one term");
            }
        }
        return String.join(SAME_POSITION, words);
    }

    private static List<FieldValue> values(TermInSetQuery t) {
        var out = new ArrayList<FieldValue>();
        try {
            var it = t.getBytesRefIterator();
            for (BytesRef b = it.next(); b != null; b = it.next()) {
                out.add(FieldValue.of(b.utf8ToString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The fields combined-field words are spread over, in order. */
    List<String> combinedFields() {
        return fieldOrder;
    }
}
