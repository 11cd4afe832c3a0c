package org.painsearch.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;

/**
 * The part of a query that can mark words in one field of documents known to match it: the same marks, found
 * without weighing the query's other fields for every document. The highlighter asks a query for the matches of
 * one document at a time, building and evaluating all of it (every field of every word, each phrase); for snippets
 * of a page of hits only the highlighted field's matches count.
 *
 * <p>A part of a query that only may match (a SHOULD clause, a disjunct) adds its matches when it matches; since it
 * decides nothing about the document matching, it can be replaced by anything adding the same matches in the field,
 * and dropped when it has none there. A required part of a part that only may match decides whether that part
 * matches, so such parts are kept whole. At the top, the documents are known to match: every required part matches
 * and adds its matches, so the top becomes a disjunction of its parts.
 */
final class HighlightQuery {
    private HighlightQuery() {
    }

    /**
     * A query marking the same words in {@code field} as {@code query} does in every document that matches
     * {@code query}, usually smaller; {@code query} itself when nothing can be left out.
     */
    static Query forMatchingDocs(Query query, String field) {
        Query out = project(query, field, true);
        return out == null ? query : out;
    }

    // The query adding the same matches in field as q: given says q is known to match the document.
    private static Query project(Query q, String field, boolean given) {
        if (q instanceof BoostQuery b) {
            Query inner = project(b.getQuery(), field, given);
            return inner == null ? null : inner == b.getQuery() ? q : new BoostQuery(inner, b.getBoost());
        }
        if (q instanceof ConstantScoreQuery c) {
            Query inner = project(c.getQuery(), field, given);
            return inner == null ? null : inner == c.getQuery() ? q : new ConstantScoreQuery(inner);
        }
        if (q instanceof DisjunctionMaxQuery d) {
            var parts = new ArrayList<Query>();
            boolean same = true;
            for (Query disjunct : d.getDisjuncts()) {
                Query p = project(disjunct, field, false);
                same &= p == disjunct;
                if (p != null) {
                    parts.add(p);
                }
            }
            if (parts.isEmpty()) {
                return null;
            }
            return same ? q : new DisjunctionMaxQuery(parts, d.getTieBreakerMultiplier());
        }
        if (q instanceof BooleanQuery b) {
            return projectBoolean(b, field, given);
        }
        if (q instanceof CombinedFieldQuery c) {
            // Its matches are those of a disjunction of one term query per field (CombinedFieldWeight#matches).
            var terms = new ArrayList<Query>();
            c.visit(new QueryVisitor() {
                @Override
                public void consumeTerms(Query query, Term... found) {
                    for (Term t : found) {
                        if (t.field().equals(field)) {
                            terms.add(new TermQuery(t));
                        }
                    }
                }

                @Override
                public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                    return this;
                }
            });
            if (terms.isEmpty()) {
                return null;
            }
            if (terms.size() == 1) {
                return terms.get(0);
            }
            var out = new BooleanQuery.Builder();
            terms.forEach(t -> out.add(t, Occur.SHOULD));
            return out.build();
        }
        return mayMatchIn(q, field) ? q : null;
    }

    private static Query projectBoolean(BooleanQuery b, String field, boolean given) {
        boolean disjunction = b.getMinimumNumberShouldMatch() <= 1
                && b.clauses().stream().allMatch(c -> c.occur() == Occur.SHOULD);
        if (!given && !disjunction) {
            // Its required parts decide whether it matches: kept whole, or dropped when it has no part in the field.
            return mayMatchIn(b, field) ? b : null;
        }
        var parts = new ArrayList<Query>();
        boolean same = disjunction;
        for (BooleanClause c : b.clauses()) {
            if (c.occur() == Occur.MUST_NOT) {
                same = false; // the document is known to match: exclusions add no matches
                continue;
            }
            // A required part of a document known to match matches it too.
            Query p = project(c.query(), field, given && c.isRequired());
            same &= p == c.query();
            if (p != null) {
                parts.add(p);
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        if (same) {
            return b;
        }
        var out = new BooleanQuery.Builder();
        parts.forEach(p -> out.add(p, Occur.SHOULD));
        return out.build();
    }

    // Whether q may have matches in field: it names that field, or no field at all (a query this cannot read).
    private static boolean mayMatchIn(Query q, String field) {
        Set<String> fields = new HashSet<>();
        q.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String f) {
                fields.add(f);
                return true;
            }

            @Override
            public void consumeTerms(Query query, Term... terms) {
                for (var t : terms) {
                    fields.add(t.field());
                }
            }

            @Override
            public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                return this;
            }
        });
        return fields.isEmpty() || fields.contains(field);
    }
}
