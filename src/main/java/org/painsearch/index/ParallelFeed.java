package org.painsearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one piece of work per item on every core, each worker taking the next item as it finishes the last: no
 * queue of read documents builds up, so memory stays flat however many items there are.
 */
final class ParallelFeed {
    private ParallelFeed() {
    }

    /** Work on one item; it may be called from several threads at once. */
    @FunctionalInterface
    interface Work<T> {
        void on(T item) throws IOException;
    }

    /** Does {@code work} on every item, telling {@code progress} how many are done; fails with the first failure. */
    static <T> void run(List<T> items, Work<T> work, Indexer.Progress progress) throws IOException {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), items.size()));
        var next = new AtomicInteger();
        var done = new AtomicInteger();
        var failure = new AtomicReference<Throwable>();
        Runnable loop = () -> {
            for (int i = next.getAndIncrement(); i < items.size() && failure.get() == null; i = next.getAndIncrement()) {
                try {
                    work.on(items.get(i));
                } catch (IOException | RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                    return;
                }
                synchronized (progress) { // steps in order, whichever worker finished
                    progress.step(done.incrementAndGet());
                }
            }
        };
        var workers = new ArrayList<Thread>();
        for (int t = 1; t < threads; t++) {
            workers.add(Thread.ofPlatform().daemon().name("painsearch-index-" + t).start(loop));
        }
        loop.run(); // the calling thread is one of the workers
        boolean interrupted = false;
        for (Thread w : workers) {
            while (w.isAlive()) { // a worker still writing must finish before the index it writes to is closed
                try {
                    w.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                    failure.compareAndSet(null, new IOException("interrupted while indexing", e));
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        switch (failure.get()) {
            case null -> { }
            case IOException e -> throw e;
            case UncheckedIOException e -> throw e.getCause();
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> throw new IllegalStateException(failure.get());
        }
    }
}
