package org.painsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** Membership answers as the full query does, across segments, for documents in any order and repeated. */
class MembershipTest {
    private static final String[] WORDS = {"pain", "touch", "sleep", "oxytocin", "nerve", "calm"};

    @Test
    void eachDocumentMatchesExactlyWhenTheWholeQueryFindsIt() throws Exception {
        var random = new Random(7);
        try (var dir = new ByteBuffersDirectory()) {
            // Several segments, some deletions: the lookups cross segment boundaries and skip deleted documents.
            var config = new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE).setMaxBufferedDocs(37);
            try (var writer = new IndexWriter(dir, config)) {
                for (int i = 0; i < 400; i++) {
                    var text = new StringBuilder();
                    for (int w = 0; w < 4; w++) {
                        text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                    }
                    var doc = new Document();
                    doc.add(new StringField("id", Integer.toString(i), Field.Store.NO));
                    doc.add(new TextField("body", text.toString(), Field.Store.NO));
                    writer.addDocument(doc);
                }
                for (int i = 0; i < 400; i += 11) {
                    writer.deleteDocuments(new Term("id", Integer.toString(i)));
                }
            }
            try (var reader = DirectoryReader.open(dir)) {
                assertThat(reader.leaves()).hasSizeGreaterThan(5);
                var searcher = new IndexSearcher(reader);
                searcher.setQueryCache(null);
                var phrase = new PhraseQuery("body", "pain", "touch"); // two-phase: positions checked after approximation
                var both = new BooleanQuery.Builder().add(new TermQuery(new Term("body", "sleep")), Occur.MUST)
                        .add(new TermQuery(new Term("body", "calm")), Occur.MUST_NOT).build();
                for (Query query : new Query[] {new TermQuery(new Term("body", "nerve")), phrase, both}) {
                    Set<Integer> expected = new HashSet<>();
                    for (ScoreDoc sd : searcher.search(query, reader.maxDoc()).scoreDocs) {
                        expected.add(sd.doc);
                    }
                    assertThat(expected).as("%s matches some documents", query).isNotEmpty();
                    // Every document (deleted ones too), shuffled, some asked twice in a row or far apart.
                    int[] docs = new int[reader.maxDoc() + 60];
                    for (int i = 0; i < docs.length; i++) {
                        docs[i] = i < reader.maxDoc() ? i : random.nextInt(reader.maxDoc());
                    }
                    for (int i = docs.length - 1; i > 0; i--) {
                        int j = random.nextInt(i + 1);
                        int t = docs[i];
                        docs[i] = docs[j];
                        docs[j] = t;
                    }
                    boolean[] member = Membership.of(searcher, query, docs);
                    for (int i = 0; i < docs.length; i++) {
                        assertThat(member[i]).as("%s, document %d", query, docs[i]).isEqualTo(expected.contains(docs[i]));
                    }
                }
                assertThat(Membership.of(searcher, MatchAllDocsQuery.INSTANCE, new int[0])).isEmpty();
            }
        }
    }
}
