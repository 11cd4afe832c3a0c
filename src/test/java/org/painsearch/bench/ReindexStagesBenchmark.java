package org.painsearch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.Required;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.index.IndexService;
import org.painsearch.index.Indexer;

/**
 * Where a reindex's CPU goes per document, in a warm JVM on one thread, against the bare loop of
 * {@code painsearch bench} ({@link BareIndexer}) over the same generated files: painsearch reads a file (its
 * content version and stamp included), maps it to its Lucene block and writes that; the bare loop reads and parses
 * the same file into four fields and writes them. Each file goes through both, one after the other, so a busy
 * machine slows both alike; each pass writes into a fresh in-memory index, the last pass committing.
 * {@code painsearch bench} measures the whole reindex, JVM start and JIT included; this leaves those out. Prints
 * figures; asserts nothing about time. Run with {@code bench/reindex-stages.sh [DOCUMENTS]}; excluded from the
 * normal test run.
 */
@Tag("benchmark")
class ReindexStagesBenchmark {
    private static final int PASSES = 4;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    @Test
    void cpuPerDocumentByStage() throws Exception {
        int documents = Integer.getInteger("painsearch.bench.docs", 20_000);
        Path eval = Required.shared("eval", "the evaluation collections");
        Path corpus = dir.resolve("corpus");
        new CorpusGenerator(SourceTexts.load(eval), CorpusGenerator.SEED).write(corpus, documents, done -> { });
        var store = new CorpusStore(corpus);
        List<Path> files = store.documentFiles();
        System.out.printf("%d documents; CPU per document in microseconds; pass 1 warms the JIT up%n", files.size());
        for (int pass = 1; pass <= PASSES; pass++) {
            long read = 0;
            long map = 0;
            long write = 0;
            long bareRead = 0;
            long bareWrite = 0;
            try (var ours = new IndexWriter(new ByteBuffersDirectory(), IndexService.rebuildConfig());
                 var bare = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(PainsearchAdapter.analyzer()))) {
                long luceneDocuments = 0;
                for (Path file : files) {
                    long t0 = cpu();
                    var snapshot = store.snapshot(file);
                    long t1 = cpu();
                    var block = Indexer.block(snapshot.document(), List.of(), snapshot.version(), snapshot.stamp(), false);
                    long t2 = cpu();
                    ours.addDocuments(block);
                    long t3 = cpu();
                    var doc = BareIndexer.document(file);
                    long t4 = cpu();
                    bare.addDocument(doc);
                    long t5 = cpu();
                    read += t1 - t0;
                    map += t2 - t1;
                    write += t3 - t2;
                    bareRead += t4 - t3;
                    bareWrite += t5 - t4;
                    luceneDocuments += block.size();
                }
                long t6 = cpu();
                ours.commit();
                long t7 = cpu();
                bare.commit();
                long t8 = cpu();
                write += t7 - t6;
                bareWrite += t8 - t7;
                double n = files.size();
                long oursAll = read + map + write;
                long bareAll = bareRead + bareWrite;
                System.out.printf("pass %d: painsearch read %.1f, map %.1f, write %.1f (%d Lucene documents), all %.1f | "
                                + "bare read %.1f, write %.1f, all %.1f | painsearch %.2fx bare's CPU (%.2fx its docs/s)%n",
                        pass, read / n / 1e3, map / n / 1e3, write / n / 1e3,
                        luceneDocuments, oursAll / n / 1e3, bareRead / n / 1e3,
                        bareWrite / n / 1e3, bareAll / n / 1e3, (double) oursAll / bareAll, (double) bareAll / oursAll);
            }
        }
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }
}
