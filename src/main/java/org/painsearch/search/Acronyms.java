package org.painsearch.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.painsearch.index.Analysis;
import org.painsearch.index.Fields;

/**
 * Acronyms are meant as written. Stemming takes the last letter of {@code TENS} for a plural and searches "ten", and
 * {@code CRPS} becomes {@code CRP} (C-reactive protein): an acronym typed in capitals would find every document
 * saying "ten patients". A word typed in capitals, three to five letters, whose stem differs from it, therefore
 * matches only documents that hold the word itself as written ({@link Fields#SPELL}, their whole words unstemmed).
 * The stem still scores; the whole word only decides which documents may match. Typed in lower case, the word is
 * read as any word is.
 * <p>
 * Only for searches of whole documents, the entries that have {@link Fields#SPELL} (title, body and transcript).
 */
final class Acronyms {
    // A word in capitals alone: three to five capital letters, no letter or digit joined to it.
    private static final Pattern ACRONYM = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{Lu}{3,5}(?![\\p{L}\\p{N}])");
    private static final Set<String> TEXT_FIELDS = Set.of(Fields.TITLE, Fields.BODY, Fields.TAGS_TEXT,
            Fields.AUTHORS_TEXT);
    private static final org.apache.lucene.analysis.Analyzer WORDS = Analysis.wordAnalyzer();
    private static final org.apache.lucene.analysis.Analyzer STEMS = Analysis.indexAnalyzer();

    private Acronyms() {
    }

    /** {@code query}, read from {@code text}, with each acronym's stem matching only where the acronym is written. */
    static Query asWritten(Query query, String text) {
        var literalOfStem = acronyms(text);
        return literalOfStem.isEmpty() ? query : QueryTrees.mapLeaves(query, leaf -> switch (leaf) {
            case TermQuery t when TEXT_FIELDS.contains(t.getTerm().field()) -> written(t, literalOfStem);
            case PhraseQuery p when TEXT_FIELDS.contains(p.getField()) -> written(p, literalOfStem);
            case CombinedFieldQuery c -> written(c, literalOfStem);
            default -> leaf;
        });
    }

    /** The acronyms typed in {@code text} that stemming would change: by their stem, the whole word. */
    static Map<String, String> acronyms(String text) {
        var out = new HashMap<String, String>();
        var m = ACRONYM.matcher(text);
        while (m.find()) {
            List<String> word = Analysis.terms(WORDS, m.group());
            List<String> stem = Analysis.terms(STEMS, m.group());
            if (word.size() == 1 && stem.size() == 1 && !word.get(0).equals(stem.get(0))) {
                out.put(stem.get(0), word.get(0));
            }
        }
        return out;
    }

    // The query with a filter on each acronym among its terms, written whole; the query itself when it has none.
    private static Query written(Query q, Map<String, String> literalOfStem) {
        var terms = new java.util.ArrayList<String>();
        q.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... found) {
                for (Term t : found) {
                    terms.add(t.text());
                }
            }
        });
        // A blend of several words (synonyms written at one place) is left as it is: the acronym is one of them.
        if (q instanceof CombinedFieldQuery && terms.stream().distinct().count() != 1) {
            return q;
        }
        var literals = terms.stream().map(literalOfStem::get).filter(java.util.Objects::nonNull).distinct().toList();
        if (literals.isEmpty()) {
            return q;
        }
        var b = new BooleanQuery.Builder().add(q, Occur.MUST);
        literals.forEach(w -> b.add(new TermQuery(new Term(Fields.SPELL, w)), Occur.FILTER));
        return b.build();
    }
}
