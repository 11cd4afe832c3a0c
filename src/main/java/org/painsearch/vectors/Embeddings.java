package org.painsearch.vectors;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.painsearch.corpus.Document;
import org.painsearch.search.Meaning;

/** Passage vectors for documents and vectors for queries, computed once per distinct text and cached. */
public final class Embeddings implements Closeable, org.painsearch.index.PassageVectors {
    // Passages embedded per model call: enough to keep every core busy, small enough for steady progress.
    private static final int BATCH = 32;
    /** Query vectors kept in memory by default: about 1.5 kB each. */
    static final int RECENT_QUERIES = 256;

    private final Embedder embedder;
    private final EmbeddingCache cache;
    private final AtomicLong computed = new AtomicLong();
    private final AtomicLong reused = new AtomicLong();
    private final RecentQueries recentQueries = new RecentQueries();
    // Unfinished while the model loads in the background: meanwhile searches rank by words instead of waiting.
    private volatile CompletableFuture<Void> loading = CompletableFuture.completedFuture(null);
    // Set by close: a background load not yet begun is skipped, one under way is waited for (see close).
    private volatile boolean closing;
    private CompletableFuture<Void> loadStarted;

    public Embeddings(Embedder embedder, EmbeddingCache cache) {
        this.embedder = embedder;
        this.cache = cache;
    }

    /** The default model with a cache file in {@code cacheDir}. */
    public static Embeddings open(Path cacheDir) throws IOException {
        return open(cacheDir, EmbeddingModel.DEFAULT);
    }

    /** The default model for embedding queries only, with no cache file (a search from the command line). */
    public static Embeddings forQueries() {
        var embedder = new OnnxEmbedder(EmbeddingModel.DEFAULT);
        return new Embeddings(embedder, EmbeddingCache.inMemory(embedder.dimension()));
    }

    /** {@code model} with a cache file in {@code cacheDir}. */
    public static Embeddings open(Path cacheDir, EmbeddingModel model) throws IOException {
        var embedder = new OnnxEmbedder(model);
        return new Embeddings(embedder, EmbeddingCache.open(cacheDir.resolve(embedder.name() + ".vectors"),
                embedder.dimension()));
    }

    /** Vectors of every passage of every document, by document id; {@code progress} gets documents done. */
    @Override
    public Map<String, List<float[]>> vectorsFor(List<Document> docs, IntConsumer progress) throws IOException {
        var out = new LinkedHashMap<String, List<float[]>>();
        var pendingDocs = new ArrayList<Document>();
        var pendingTexts = new LinkedHashMap<String, String>();
        int done = 0;
        for (Document d : docs) {
            for (String p : Passages.of(d)) {
                String key = EmbeddingCache.key(embedder.name(), p);
                if (cache.get(key) == null) {
                    pendingTexts.putIfAbsent(key, p);
                }
            }
            pendingDocs.add(d);
            if (pendingTexts.size() >= BATCH) {
                embedPending(pendingTexts);
                done += collect(pendingDocs, out);
                progress.accept(done);
            }
        }
        embedPending(pendingTexts);
        done += collect(pendingDocs, out);
        progress.accept(done);
        cache.flush();
        return out;
    }

    /** The vectors of every passage of {@code d} when all are in the cache, else null (the model is not run). */
    @Override
    public List<float[]> cached(Document d) {
        var out = new ArrayList<float[]>();
        for (String p : Passages.of(d)) {
            float[] v = cache.get(EmbeddingCache.key(embedder.name(), p));
            if (v == null) {
                return null;
            }
            out.add(v);
        }
        reused.addAndGet(out.size());
        return out;
    }

    /** The passage vectors of one document. */
    public List<float[]> vectorsFor(Document d) throws IOException {
        return vectorsFor(List.of(d), n -> { }).get(d.id());
    }

    /**
     * The vector of a query. The last queries' vectors are kept in memory: the next page of an answer, another
     * filter or sort asks for the same query again, and embedding it is most of a search by meaning.
     */
    public float[] embedQuery(String text) {
        String worded = embedder.queryText(text);
        String key = EmbeddingCache.key(embedder.name(), worded);
        float[] v = cache.get(key);
        if (v == null) {
            v = recentQueries.get(key);
        }
        if (v == null) {
            v = embedder.embed(List.of(worded)).get(0);
            recentQueries.put(key, v);
        }
        return v;
    }

    /**
     * How many recent queries' vectors to keep ({@value #RECENT_QUERIES} unless set); 0 embeds every query anew,
     * as a benchmark of search by meaning needs.
     */
    public void keepRecentQueries(int count) {
        recentQueries.setLimit(count);
    }

    // The most recently used query vectors, up to a limit.
    private static final class RecentQueries {
        private final Map<String, float[]> byKey = new LinkedHashMap<>(16, 0.75f, true);
        private int limit = RECENT_QUERIES;

        synchronized float[] get(String key) {
            return byKey.get(key);
        }

        synchronized void put(String key, float[] vector) {
            if (limit == 0) {
                return;
            }
            byKey.put(key, vector);
            trim();
        }

        synchronized void setLimit(int count) {
            limit = Math.max(0, count);
            trim();
        }

        private void trim() {
            var it = byKey.entrySet().iterator();
            while (byKey.size() > limit && it.hasNext()) {
                it.next();
                it.remove();
            }
        }
    }

    /**
     * Loads the model on a background thread after {@code pause} and returns at once. Until it is loaded,
     * {@link #meaning()} says it is not ready, so a search answers by words rather than wait for it; without this
     * call, the first query vector loads the model and waits for it (a command that searches once).
     */
    public CompletableFuture<Void> loadInBackground(Duration pause) {
        var loaded = new CompletableFuture<Void>();
        loading = loaded;
        Thread.ofPlatform().daemon().name("painsearch-model-load").start(() -> {
            try {
                Thread.sleep(pause);
                synchronized (this) {
                    if (closing) {
                        loaded.complete(null);
                        return;
                    }
                    loadStarted = loaded;
                }
                embedder.load();
                loaded.complete(null);
            } catch (InterruptedException e) {
                loaded.completeExceptionally(e); // closing: nothing will search any more
            } catch (RuntimeException | Error e) {
                // The next query vector tries again and reports the problem to the search that needs it.
                loaded.completeExceptionally(e);
            }
        });
        return loaded;
    }

    /** Search by meaning with these vectors, ready once no background load of the model is under way. */
    public Meaning meaning() {
        return new Meaning(this::embedQuery, () -> loading.isDone());
    }

    /** Passages embedded by the model since opening, and passages whose vectors came from the cache. */
    public long[] counts() {
        return new long[] {computed.get(), Math.max(0, reused.get() - computed.get())};
    }

    private void embedPending(Map<String, String> pending) throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        var keys = new ArrayList<>(pending.keySet());
        var vectors = embedder.embed(new ArrayList<>(pending.values()));
        for (int i = 0; i < keys.size(); i++) {
            cache.put(keys.get(i), vectors.get(i));
        }
        computed.addAndGet(keys.size());
        pending.clear();
    }

    private int collect(List<Document> docs, Map<String, List<float[]>> out) {
        for (Document d : docs) {
            var vectors = new ArrayList<float[]>();
            for (String p : Passages.of(d)) {
                vectors.add(cache.get(EmbeddingCache.key(embedder.name(), p)));
            }
            out.put(d.id(), vectors);
        }
        int n = docs.size();
        reused.addAndGet(docs.stream().mapToLong(d -> Passages.of(d).size()).sum());
        docs.clear();
        return n;
    }

    @Override
    public void close() throws IOException {
        CompletableFuture<Void> underWay;
        synchronized (this) {
            closing = true;
            underWay = loadStarted;
        }
        if (underWay != null) {
            // ONNX Runtime crashes the whole process (a native fault and an hs_err file in the working folder) when
            // the JVM exits while it is still creating a session: a Ctrl+C in the first seconds of serve.
            try {
                underWay.get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // the load failed or hangs: nothing more to wait for
            }
        }
        try {
            cache.close();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            embedder.close();
        }
    }
}
