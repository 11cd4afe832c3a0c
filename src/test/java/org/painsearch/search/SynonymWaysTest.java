package org.painsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.painsearch.index.Analysis;
import org.painsearch.index.Fields;
import org.painsearch.index.Ranking;
import org.painsearch.index.Synonyms;

/**
 * The ways a synonym rule lets a concept be written are one concept: a way that reads the same as another once
 * stemmed ("endorphins" and "endorphin") is the same way, not a second one adding to the score.
 */
class SynonymWaysTest {
    private static final String RULE = "endorphins, endorphin, endogenous opioids, endogenous opioid\n";

    @Test
    void waysThatStemAlikeAreSearchedOnce() throws Exception {
        var analyzer = Analysis.queryAnalyzer(Synonyms.parse(RULE));
        var ways = concept(QueryFactory.read("endorphins", analyzer, RankingConfig.DEFAULT).query());
        // endorphin(s) and the phrase endogenous opioid(s): two ways, each once.
        assertThat(ways.getDisjuncts()).hasSize(2);
        assertThat(ways.getDisjuncts().stream().map(Query::toString))
                .anyMatch(s -> s.contains("(endorphin)"))
                .anyMatch(s -> s.contains("\"endogen opioid\""));
    }

    @Test
    void aDocumentWritingTheWordScoresAsTheWordAlone() throws Exception {
        try (var dir = new ByteBuffersDirectory()) {
            try (var writer = new IndexWriter(dir, new IndexWriterConfig(Analysis.writerAnalyzer()))) {
                for (String body : new String[] {"Endorphins rise after a long walk.", "A walk in the rain.",
                        "Sleep and mood after exercise."}) {
                    var doc = new Document();
                    doc.add(new TextField(Fields.TITLE, "Notes", Field.Store.NO));
                    doc.add(new TextField(Fields.BODY, body, Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            try (var reader = DirectoryReader.open(dir)) {
                var searcher = new IndexSearcher(reader);
                searcher.setSimilarity(Ranking.SIMILARITY);
                var withRule = QueryFactory.read("endorphins", Analysis.queryAnalyzer(Synonyms.parse(RULE)),
                        RankingConfig.DEFAULT).query();
                var wordAlone = QueryFactory.read("endorphins", Analysis.queryAnalyzer(null), RankingConfig.DEFAULT)
                        .query();
                float ruled = score(searcher, withRule);
                assertThat(ruled).isPositive().isEqualTo(score(searcher, wordAlone));
            }
        }
    }

    private static float score(IndexSearcher searcher, Query query) throws IOException {
        var top = searcher.search(query, 1);
        assertThat(top.totalHits.value()).isEqualTo(1);
        return top.scoreDocs[0].score;
    }

    // The concept's disjunction, below the required clause the parser puts around a single word.
    private static DisjunctionMaxQuery concept(Query q) {
        while (q instanceof BooleanQuery b && b.clauses().size() == 1) {
            q = b.clauses().get(0).query();
        }
        assertThat(q).isInstanceOf(DisjunctionMaxQuery.class);
        return (DisjunctionMaxQuery) q;
    }
}
