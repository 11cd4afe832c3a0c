package org.painsearch.index;

import org.painsearch.corpus.FileStamp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.painsearch.corpus.ContentVersion;
import org.painsearch.corpus.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes passage vectors in the background, off the path of a write: documents are indexed by their words at
 * once and flagged; this worker embeds them in batches (the model spreads a batch over every core) and has the
 * {@link Indexer} rewrite each with its vectors, unless the document was written again meanwhile.
 */
final class Vectorizer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Vectorizer.class);
    // Documents per model call: enough passages to keep both cores busy, few enough that a newer write or a close
    // waits little for the batch under way.
    private static final int BATCH = 16;
    // How long a close waits for a write under way (never for the model's batch).
    private static final long CLOSE_WAIT_MILLIS = 2000;
    // Orders jobs: a newer write of a document always supersedes an older one, whichever is queued first.
    private static final AtomicLong SEQUENCE = new AtomicLong();

    /**
     * One document waiting for its vectors: read again from {@code file} when it has one (so a long queue holds no
     * text), else held as {@code document}.
     */
    record Job(long seq, String id, String version, FileStamp stamp, Path file, Document document) {
        static Job of(Document d, String version, FileStamp stamp, boolean keepText) {
            keepText |= d.path() == null;
            return new Job(SEQUENCE.incrementAndGet(), d.id(), version, stamp, keepText ? null : d.path(),
                    keepText ? d : null);
        }

        static Job ofFile(String id, String version, FileStamp stamp, Path file) {
            return new Job(SEQUENCE.incrementAndGet(), id, version, stamp, file, null);
        }

        /** A marker that supersedes every earlier job of {@code id} (a delete, or a write that had its vectors). */
        static Job superseding(String id) {
            return new Job(SEQUENCE.incrementAndGet(), id, null, null, null, null);
        }

        boolean marker() {
            return file == null && document == null;
        }
    }

    /** Writes a document with its vectors when {@code job} is still its latest write. */
    @FunctionalInterface
    interface Rewrite {
        void apply(Job job, Document d, List<float[]> vectors) throws IOException;
    }

    /** Commits the rewrites so far and makes them searchable (the queue ran dry: whoever waits searches next). */
    @FunctionalInterface
    interface Settle {
        void run() throws IOException;
    }

    private final PassageVectors vectors;
    private final Indexer.Reader source;
    private final Rewrite rewrite;
    private final Settle settle;
    private final LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    // The latest job of each document; a job that is no longer the latest is skipped.
    private final Map<String, Job> latest = new ConcurrentHashMap<>();
    private final Thread worker;
    private final Object state = new Object();
    private int outstanding;
    private int done;
    private int total;
    private CompletableFuture<Void> idle = CompletableFuture.completedFuture(null);
    private volatile boolean closed;

    Vectorizer(PassageVectors vectors, Indexer.Reader source, Rewrite rewrite, Settle settle) {
        this.vectors = vectors;
        this.source = source;
        this.rewrite = rewrite;
        this.settle = settle;
        this.worker = Thread.ofPlatform().daemon().name("painsearch-vectors").unstarted(this::run);
        worker.start();
    }

    /** Makes {@code job} the latest for its document (unless a newer one is) and queues it. */
    void submit(Job job) {
        submitAll(List.of(job));
    }

    /** As {@link #submit}, for many; a marker ({@link Job#superseding}) supersedes older jobs and is not queued. */
    void submitAll(Collection<Job> jobs) {
        var queued = new ArrayList<Job>();
        for (Job job : jobs) {
            if (latest.merge(job.id(), job, (old, now) -> now.seq() > old.seq() ? now : old) == job && !job.marker()) {
                queued.add(job);
            }
        }
        enqueue(queued);
    }

    /** Queues each of {@code jobs} whose document has no job or marker yet (leftovers found at a start). */
    void submitAbsent(Collection<Job> jobs) {
        enqueue(jobs.stream().filter(j -> latest.putIfAbsent(j.id(), j) == null).toList());
    }

    private void enqueue(List<Job> queued) {
        if (queued.isEmpty()) {
            return;
        }
        synchronized (state) {
            if (outstanding == 0) {
                idle = new CompletableFuture<>();
                done = 0;
                total = 0;
            }
            outstanding += queued.size();
            total += queued.size();
        }
        queue.addAll(queued);
    }

    /** Forgets every earlier job of {@code id}: it was deleted, or written with its vectors. */
    void supersede(String id) {
        latest.merge(id, Job.superseding(id), (old, now) -> now);
    }

    /** True when {@code job} is still the latest of its document (called under the document's write lock). */
    boolean isLatest(Job job) {
        return latest.get(job.id()) == job;
    }

    /** Completes once every document queued so far has its vectors (or failed to get them). */
    CompletableFuture<Void> whenIdle() {
        synchronized (state) {
            return idle;
        }
    }

    /** Documents vectorized and queued since the worker was last idle ({@code [done, total]}). */
    int[] progress() {
        synchronized (state) {
            return new int[] {done, total};
        }
    }

    private void run() {
        var batch = new ArrayList<Job>();
        while (!closed) {
            try {
                Job first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                embed(batch);
                if (queue.isEmpty()) {
                    settle.run();
                }
            } catch (InterruptedException e) {
                return;
            } catch (java.util.concurrent.CancellationException e) {
                return; // the process is stopping: the documents keep their flag for the next start
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    return; // the index closed under the batch: its documents keep their flag for the next start
                }
                // The documents keep their flag: the next start tries them again.
                LOG.warn("could not compute meaning vectors for {} document(s): {}", batch.size(), e.getMessage());
            } finally {
                finished(batch.size());
                batch.clear();
            }
        }
    }

    private void embed(List<Job> batch) throws IOException {
        var docs = new ArrayList<Document>();
        var jobs = new ArrayList<Job>();
        for (Job job : batch) {
            Document d = isLatest(job) ? load(job) : null;
            if (d != null) {
                docs.add(d);
                jobs.add(job);
            }
        }
        if (docs.isEmpty()) {
            return;
        }
        Map<String, List<float[]>> computed = vectors.vectorsFor(docs, n -> { });
        for (int i = 0; i < docs.size() && !closed; i++) {
            rewrite.apply(jobs.get(i), docs.get(i), computed.getOrDefault(docs.get(i).id(), List.of()));
        }
    }

    // The document as it was written; null when its file changed or went since (a newer write takes over).
    private Document load(Job job) throws IOException {
        if (job.document() != null) {
            return job.document();
        }
        try {
            if (job.version() != null && !job.version().equals(ContentVersion.ofDocument(job.file()))) {
                return null;
            }
            return source.read(job.file());
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
    }

    private void finished(int n) {
        if (n == 0) {
            return;
        }
        synchronized (state) {
            outstanding -= n;
            done += n;
            if (outstanding == 0) {
                idle.complete(null);
            }
        }
    }

    /**
     * Stops: the batch under way is dropped (a command that is ending does not wait for the model) and what is left
     * keeps its flag for the next start. A write already under way finishes first, or the index, closing, refuses it.
     */
    @Override
    public void close() {
        closed = true;
        try {
            worker.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (state) {
            idle.complete(null); // nobody waits for work that will not be done in this process
        }
    }
}
