package org.painsearch.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.painsearch.index.Analysis;
import org.painsearch.index.Fields;
import org.painsearch.index.Ranking;
import org.painsearch.index.Synonyms;

/** An acronym typed in capitals matches where it is written, never by a stem it shares with another word. */
class AcronymsTest {
    @Test
    void anAcronymTypedInCapitalsIsKeptWhole() {
        assertThat(Acronyms.acronyms("TENS at home")).containsExactly(entry("ten", "tens"));
        assertThat(Acronyms.acronyms("CRPS or IBS?")).containsOnly(entry("crp", "crps"), entry("ib", "ibs"));
    }

    @Test
    void otherWordsAreReadAsWords() {
        assertThat(Acronyms.acronyms("tens")).as("lower case").isEmpty();
        assertThat(Acronyms.acronyms("Tens of patients")).as("a capital first").isEmpty();
        assertThat(Acronyms.acronyms("PAIN")).as("its stem is the word").isEmpty();
        assertThat(Acronyms.acronyms("HEADACHES")).as("longer than an acronym").isEmpty();
        assertThat(Acronyms.acronyms("MS")).as("two letters are never stemmed").isEmpty();
        assertThat(Acronyms.acronyms("TENS2")).as("joined to a digit").isEmpty();
    }

    @Test
    void theWholeWordDecidesAndTheStemScores() throws Exception {
        try (var dir = new ByteBuffersDirectory()) {
            try (var writer = new IndexWriter(dir, new IndexWriterConfig(Analysis.writerAnalyzer()))) {
                add(writer, "TENS eased the pain of most patients.");
                add(writer, "Ten patients had less pain after massage.");
                add(writer, "Speeds of tens of centimetres per second felt pleasant.");
                add(writer, "Transcutaneous electrical nerve stimulation at home.");
            }
            try (var reader = DirectoryReader.open(dir)) {
                var searcher = new IndexSearcher(reader);
                searcher.setSimilarity(Ranking.SIMILARITY);
                var analyzer = Analysis.queryAnalyzer(Synonyms.parse("tens, transcutaneous electrical nerve stimulation\n"));
                var acronym = scores(searcher, QueryFactory.read("TENS", analyzer, RankingConfig.DEFAULT).query());
                var word = scores(searcher, QueryFactory.read("tens", analyzer, RankingConfig.DEFAULT).query());
                // "ten patients" is not TENS; "tens of centimetres" is written the same, which is all an index can see.
                assertThat(acronym).containsOnlyKeys(0, 2, 3);
                assertThat(word).containsOnlyKeys(0, 1, 2, 3);
                acronym.forEach((doc, score) -> assertThat(score).as("doc %d", doc).isEqualTo(word.get(doc)));
                // Read as any of its words (a relaxed search) and as a required word, the same holds.
                assertThat(scores(searcher, QueryFactory.anyWords("TENS OR massage", analyzer, RankingConfig.DEFAULT)
                        .query())).containsOnlyKeys(0, 1, 2, 3); // massage brings the second in
                assertThat(scores(searcher, QueryFactory.anyWords("TENS", analyzer, RankingConfig.DEFAULT).query()))
                        .containsOnlyKeys(0, 2, 3);
            }
        }
    }

    private static void add(IndexWriter writer, String body) throws IOException {
        var doc = new Document();
        doc.add(new TextField(Fields.TITLE, "Notes", Field.Store.NO));
        doc.add(new TextField(Fields.BODY, body, Field.Store.NO));
        doc.add(new TextField(Fields.SPELL, "Notes\n" + body, Field.Store.NO));
        writer.addDocument(doc);
    }

    private static Map<Integer, Float> scores(IndexSearcher searcher, Query q) throws IOException {
        var out = new HashMap<Integer, Float>();
        for (ScoreDoc sd : searcher.search(q, 10).scoreDocs) {
            out.put(sd.doc, sd.score);
        }
        return out;
    }
}
