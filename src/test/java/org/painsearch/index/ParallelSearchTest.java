package org.painsearch.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Dealing the index's segments into slices, and when a search is spread over the cores. */
class ParallelSearchTest {
    private static final String MIN_ENTRIES = "painsearch.search.parallelMinEntries";

    @AfterEach
    void restoreThreshold() {
        System.clearProperty(MIN_ENTRIES);
    }

    // An index of one segment per size, documents "even" or "odd" by their number.
    private static DirectoryReader segments(ByteBuffersDirectory dir, int... sizes) throws IOException {
        try (var writer = new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
            int n = 0;
            for (int size : sizes) {
                for (int i = 0; i < size; i++, n++) {
                    var doc = new Document();
                    doc.add(new StringField("parity", n % 2 == 0 ? "even" : "odd", Field.Store.NO));
                    writer.addDocument(doc);
                }
                writer.flush();
            }
        }
        return DirectoryReader.open(dir);
    }

    private static List<Integer> sizes(IndexSearcher.LeafSlice slice) {
        return Arrays.stream(slice.partitions).map(p -> p.ctx.reader().maxDoc()).toList();
    }

    @Test
    void segmentsAreDealtWholeIntoSlicesOfAboutEqualSize() throws IOException {
        try (var dir = new ByteBuffersDirectory(); var reader = segments(dir, 50, 40, 30, 20, 10)) {
            var slices = ParallelSearch.slices(reader.leaves(), 2);
            assertThat(slices).hasSize(2);
            var dealt = new ArrayList<LeafReaderContext>();
            for (var slice : slices) {
                for (var p : slice.partitions) {
                    assertThat(p.minDocId).isZero();
                    assertThat(p.maxDocId).isEqualTo(DocIdSetIterator.NO_MORE_DOCS);
                    dealt.add(p.ctx);
                }
            }
            assertThat(dealt).containsExactlyInAnyOrderElementsOf(reader.leaves());
            // Largest first to the lighter slice: 50+20+10 against 40+30.
            assertThat(slices).extracting(IndexSearcher.LeafSlice::getMaxDocs).containsExactlyInAnyOrder(80, 70);
            assertThat(slices).extracting(ParallelSearchTest::sizes)
                    .containsExactlyInAnyOrder(List.of(50, 20, 10), List.of(40, 30));

            assertThat(ParallelSearch.slices(reader.leaves(), 8)).hasSize(5); // never more slices than segments
            assertThat(ParallelSearch.slices(reader.leaves(), 1)).singleElement()
                    .extracting(IndexSearcher.LeafSlice::getMaxDocs).isEqualTo(150);
        }
    }

    @Test
    void aSmallIndexIsSearchedOnTheCallingThreadAndALargeOneOnEveryCore() throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        try (var dir = new ByteBuffersDirectory(); var reader = segments(dir, 50, 40, 30, 20, 10)) {
            var searcher = new IndexSearcher(reader);
            searcher.setSimilarity(Ranking.SIMILARITY);
            var timeout = new QueryTimeoutImpl(60_000);
            searcher.setTimeout(timeout);

            System.setProperty(MIN_ENTRIES, "151");
            assertThat(ParallelSearch.isWide(reader)).isFalse();
            assertThat(ParallelSearch.wide(searcher)).isSameAs(searcher);

            System.setProperty(MIN_ENTRIES, "150");
            assertThat(ParallelSearch.isWide(reader)).isEqualTo(cores > 1);
            IndexSearcher wide = ParallelSearch.wide(searcher);
            if (cores > 1) {
                assertThat(wide).isNotSameAs(searcher);
                assertThat(wide.getSlices()).hasSize(Math.min(cores, 5));
                assertThat(wide.getSimilarity()).isSameAs(Ranking.SIMILARITY);
                assertThat(wide.getTimeout()).isSameAs(timeout);
            }
            // The same answers, whatever the threads.
            var even = new TermQuery(new Term("parity", "even"));
            assertThat(wide.count(even)).isEqualTo(searcher.count(even)).isEqualTo(75);
            assertThat(Arrays.stream(wide.search(even, 200).scoreDocs).mapToInt(sd -> sd.doc).sorted().toArray())
                    .isEqualTo(Arrays.stream(searcher.search(even, 200).scoreDocs).mapToInt(sd -> sd.doc).sorted().toArray());
        }
    }

    @Test
    void anIndexOfOneSegmentIsNeverSpread() throws IOException {
        System.setProperty(MIN_ENTRIES, "1");
        try (var dir = new ByteBuffersDirectory(); var reader = segments(dir, 100)) {
            assertThat(ParallelSearch.isWide(reader)).isFalse();
        }
    }
}
