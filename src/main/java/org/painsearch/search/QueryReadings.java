package org.painsearch.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.painsearch.index.Analysis;
import org.painsearch.index.Fields;
import org.painsearch.engine.QueryDetails;
import org.painsearch.engine.QueryDetails.Stem;

/** Builds the {@link QueryDetails} of a search from the Lucene query it ran: stems, synonyms added, the reading. */
final class QueryReadings {
    private static final Analyzer PLAIN = Analysis.indexAnalyzer();

    private QueryReadings() {
    }

    static QueryDetails of(String text, QueryFactory.Reading reading, Query query, boolean relaxed) {
        String kept = reading.question() ? QuestionQuery.withoutQuestionWords(text) : text;
        var stems = new ArrayList<Stem>();
        var typed = new LinkedHashSet<String>();
        for (String w : kept.split("[^\\p{L}\\p{N}']+")) {
            List<String> s = Analysis.terms(PLAIN, w);
            if (!s.isEmpty()) {
                stems.add(new Stem(w, s.get(0)));
                typed.addAll(s);
            }
        }
        var added = new LinkedHashSet<String>();
        for (String t : bodyTermsOf(query)) {
            if (!typed.contains(t)) {
                added.add(t);
            }
        }
        String how = reading.question() ? "question" : relaxed ? "any words" : "all words";
        return new QueryDetails(how, stems, List.copyOf(added), render(query));
    }

    /** The query restricted to the body field, in PubMed-like notation. */
    static String render(Query q) {
        return switch (q) {
            case BoostQuery b -> render(b.getQuery());
            case TermQuery t -> t.getTerm().field().equals(Fields.BODY) ? t.getTerm().text() : "";
            case PhraseQuery p -> p.getField().equals(Fields.BODY) ? "\"" + String.join(" ",
                    java.util.Arrays.stream(p.getTerms()).map(Term::text).toList()) + "\"" + (p.getSlop() > 0 ? "~" + p.getSlop() : "") : "";
            case SynonymQuery s -> s.getField().equals(Fields.BODY)
                    ? "(" + String.join(" OR ", s.getTerms().stream().map(Term::text).toList()) + ")" : "";
            case BooleanQuery b -> renderBoolean(b);
            case DisjunctionMaxQuery d -> {
                var alts = new LinkedHashSet<String>();
                d.getDisjuncts().forEach(x -> {
                    String r = render(x);
                    if (!r.isBlank()) {
                        alts.add(r);
                    }
                });
                yield alts.size() <= 1 ? String.join("", alts) : "(" + String.join(" OR ", alts) + ")";
            }
            default -> bodyTerms(q);
        };
    }

    // A BM25F query over several fields names its words through the visitor; show those of the body.
    private static String bodyTerms(Query q) {
        var terms = bodyTermsOf(q);
        return terms.size() <= 1 ? String.join("", terms) : "(" + String.join(" OR ", terms) + ")";
    }

    // The body's words of a query, in the order the visitor meets them.
    private static List<String> bodyTermsOf(Query q) {
        var terms = new ArrayList<String>();
        q.visit(QueryVisitor.termCollector(new java.util.AbstractSet<>() {
            @Override
            public boolean add(Term t) {
                if (t.field().equals(Fields.BODY)) {
                    terms.add(t.text());
                }
                return true;
            }

            @Override
            public java.util.Iterator<Term> iterator() {
                return java.util.Collections.emptyIterator();
            }

            @Override
            public int size() {
                return 0;
            }
        }));
        return terms;
    }

    private static String renderBoolean(BooleanQuery b) {
        Set<String> parts = new LinkedHashSet<>();
        boolean any = true;
        var must = new ArrayList<String>();
        var should = new ArrayList<String>();
        for (var c : b.clauses()) {
            String r = render(c.query());
            if (r.isBlank()) {
                continue;
            }
            switch (c.occur()) {
                case MUST, FILTER -> must.add(r);
                case SHOULD -> should.add(r);
                case MUST_NOT -> must.add("NOT " + r);
            }
        }
        // A clause per field for one word renders as that word once, over the body.
        parts.addAll(must);
        // With required clauses present, the optional ones only rank (nearness boosts): the match is the required part.
        String joinedShould = must.isEmpty() ? String.join(" OR ", new LinkedHashSet<>(should)) : "";
        if (!joinedShould.isEmpty()) {
            parts.add(must.isEmpty() || any ? joinedShould : "(" + joinedShould + ")");
        }
        String s = String.join(" AND ", parts);
        return parts.size() > 1 || (should.size() > 1 && !must.isEmpty()) ? "(" + s + ")" : s;
    }
}
