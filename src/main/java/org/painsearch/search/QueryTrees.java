package org.painsearch.search;

import java.util.function.UnaryOperator;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;

/** Rebuilding a query as read: the same booleans, boosts and disjunctions around other leaves. */
final class QueryTrees {
    private QueryTrees() {
    }

    /**
     * {@code q} with each leaf (any query but a boolean, a boost or a disjunction) replaced by {@code leaf} of it;
     * clauses, occurrences, minimum matches, boosts and tie-breakers kept.
     */
    static Query mapLeaves(Query q, UnaryOperator<Query> leaf) {
        return switch (q) {
            case BooleanQuery b -> {
                var out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
                for (BooleanClause c : b.clauses()) {
                    out.add(mapLeaves(c.query(), leaf), c.occur());
                }
                yield out.build();
            }
            case BoostQuery b -> new BoostQuery(mapLeaves(b.getQuery(), leaf), b.getBoost());
            case DisjunctionMaxQuery d -> new DisjunctionMaxQuery(
                    d.getDisjuncts().stream().map(x -> mapLeaves(x, leaf)).toList(), d.getTieBreakerMultiplier());
            default -> leaf.apply(q);
        };
    }
}
