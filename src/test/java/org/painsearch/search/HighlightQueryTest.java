package org.painsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/** What is left of a query for marking words in the body of documents known to match it. */
class HighlightQueryTest {
    private static Query term(String field, String word) {
        return new TermQuery(new Term(field, word));
    }

    @Test
    void otherFieldsOfWhatMayMatchAreLeftOutAndTheTopBecomesADisjunction() {
        Query words = new BooleanQuery.Builder()
                .add(new DisjunctionMaxQuery(java.util.List.of(term("title", "crps"), term("body", "crps")), 0.3f),
                        Occur.MUST)
                .add(new CombinedFieldQuery.Builder("massag").addField("title").addField("body").build(), Occur.MUST)
                .add(term("title", "pain"), Occur.SHOULD)
                .add(term("body", "opioid"), Occur.MUST_NOT)
                .build();
        assertThat(HighlightQuery.forMatchingDocs(words, "body").toString())
                .isEqualTo("(body:crps)~0.3 body:massag");
    }

    @Test
    void aRequiredPartBelowWhatMayMatchKeepsTheWholePart() {
        Query both = new BooleanQuery.Builder().add(term("title", "a"), Occur.MUST).add(term("body", "b"), Occur.MUST)
                .build();
        Query words = new BooleanQuery.Builder().add(term("body", "c"), Occur.MUST).add(both, Occur.SHOULD).build();
        assertThat(HighlightQuery.forMatchingDocs(words, "body").toString()).isEqualTo("body:c (+title:a +body:b)");
    }

    @Test
    void aQueryWithNothingInTheFieldIsLeftAsItIs() {
        Query title = term("title", "a");
        assertThat(HighlightQuery.forMatchingDocs(title, "body")).isSameAs(title);
    }
}
