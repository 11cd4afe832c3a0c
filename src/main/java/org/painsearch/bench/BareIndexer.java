package org.painsearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The reindex baseline, run as a child JVM: a bare Lucene {@link IndexWriter} loop over the corpus files (front
 * matter read with SnakeYAML, transcripts appended), one writer shared by one thread per core, painsearch's
 * analyzer, id, type, title and body (stored, with offsets for a highlighter, as painsearch indexes them), one
 * commit at the end. Only the reindex figures use this index; the search baselines read painsearch's own.
 * Usage: {@code BareIndexer CORPUS INDEX}; prints the documents indexed.
 */
public final class BareIndexer {
    // Offsets in the postings, as painsearch indexes them, so the UnifiedHighlighter needs no re-analysis.
    static final FieldType TEXT = textWithOffsets();

    private BareIndexer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: BareIndexer CORPUS INDEX");
            System.exit(2);
        }
        long started = System.nanoTime();
        int n = index(Path.of(args[0]), Path.of(args[1]), Runtime.getRuntime().availableProcessors());
        System.out.printf("indexed %d documents in %d ms%n", n, (System.nanoTime() - started) / 1_000_000);
    }

    /** Indexes every {@code .md} file of the corpus's three folders with {@code threads} threads. */
    static int index(Path corpus, Path index, int threads) throws IOException, InterruptedException {
        var files = new ArrayList<Path>();
        for (String folder : List.of("articles", "podcasts", "notes")) {
            Path dir = corpus.resolve(folder);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    s.filter(p -> p.toString().endsWith(".md")).forEach(files::add);
                }
            }
        }
        var next = new AtomicInteger();
        var config = new IndexWriterConfig(PainsearchAdapter.analyzer()).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        try (var writer = new IndexWriter(FSDirectory.open(index), config)) {
            var workers = new ArrayList<Thread>();
            var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
            for (int t = 0; t < threads; t++) {
                workers.add(Thread.ofPlatform().name("bare-indexer-" + t).start(() -> {
                    try {
                        for (int i = next.getAndIncrement(); i < files.size() && failure.get() == null;
                             i = next.getAndIncrement()) {
                            writer.addDocument(document(files.get(i)));
                        }
                    } catch (IOException | RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                }));
            }
            for (Thread w : workers) {
                w.join();
            }
            if (failure.get() != null) {
                throw new IOException("bare indexing failed: " + failure.get().getMessage(), failure.get());
            }
            writer.commit();
        }
        return files.size();
    }

    /** The bare loop's Lucene document for one corpus file. */
    static Document document(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.indexOf("\n---\n", 4);
        if (!text.startsWith("---\n") || end < 0) {
            throw new IOException(file + " has no front matter");
        }
        var fields = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(text.substring(4, end));
        String body = text.substring(end + 5);
        String name = file.getFileName().toString();
        Path vtt = file.resolveSibling(name.substring(0, name.length() - 3) + ".vtt");
        if (Files.isRegularFile(vtt)) {
            body += "\n" + cueText(Files.readString(vtt, StandardCharsets.UTF_8));
        }
        var doc = new Document();
        doc.add(new KeywordField("id", String.valueOf(fields.get("id")), Field.Store.YES));
        doc.add(new KeywordField("type", String.valueOf(fields.get("type")), Field.Store.YES));
        doc.add(new Field("title", String.valueOf(fields.get("title")), TEXT));
        doc.add(new Field("body", body, TEXT));
        return doc;
    }

    // The words of a WebVTT file: every line but the header, blank lines and cue timings.
    private static String cueText(String vtt) {
        var out = new StringBuilder();
        vtt.lines().skip(1).filter(l -> !l.isBlank() && !l.contains("-->")).forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }

    private static FieldType textWithOffsets() {
        var type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
