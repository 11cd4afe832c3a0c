package org.painsearch.app;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.painsearch.corpus.DocType;
import org.painsearch.engine.EngineUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the corpus folders and brings outside edits (any text editor, a sync tool) into the index within
 * moments: changed files are re-read, deleted ones removed. Bursts of events are gathered for a short while first.
 */
public final class CorpusWatcher implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(CorpusWatcher.class);
    // Editors often write a file in several steps; waiting this long after the last event sees the final one.
    private static final long SETTLE_MILLIS = 250;

    private final Library library;
    private final WatchService watcher;
    private final Thread thread;

    // Seconds between tries to bring the index in step while the engine does not answer.
    static final int RETRY_SECONDS = 5;
    // Whether a change could not be indexed because the engine did not answer (only the watcher thread uses it).
    private boolean behind;

    private CorpusWatcher(Library library, WatchService watcher) {
        this.library = library;
        this.watcher = watcher;
        this.thread = Thread.ofPlatform().daemon().name("painsearch-corpus-watcher").unstarted(this::run);
    }

    /** Starts watching the corpus of {@code library}. */
    public static CorpusWatcher start(Library library) throws IOException {
        var service = library.corpus().root().getFileSystem().newWatchService();
        for (DocType type : DocType.values()) {
            Path dir = org.painsearch.corpus.OwnerOnly.createDirectories(library.corpus().root().resolve(type.folder()));
            dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        }
        var w = new CorpusWatcher(library, service);
        w.thread.start();
        return w;
    }

    private void run() {
        try {
            while (true) {
                // Behind an engine that did not answer: every few seconds, try to bring the index in step.
                WatchKey key = behind ? watcher.poll(RETRY_SECONDS, TimeUnit.SECONDS) : watcher.take();
                if (key == null) {
                    reconcile();
                    continue;
                }
                Set<Path> changed = new LinkedHashSet<>();
                boolean lost = collect(key, changed);
                // Gather the rest of the burst.
                for (WatchKey more; (more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null; ) {
                    lost |= collect(more, changed);
                }
                if (lost) {
                    reconcile();
                    continue;
                }
                for (Path p : changed) {
                    try {
                        library.syncFile(p);
                    } catch (EngineUnavailableException e) {
                        if (!behind) {
                            LOG.warn("could not index {}: {} The index is brought in step once it answers.", p,
                                    e.getMessage());
                        }
                        behind = true;
                    } catch (IOException | RuntimeException e) {
                        LOG.warn("could not index {}: {}", p, e.getMessage());
                    }
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        }
    }

    // The system dropped events (too many at once): which files changed is unknown, so compare them all.
    private void reconcile() {
        try (var task = library.tasks().start("reconcile", "Bringing the index in step")) {
            var outcome = library.reconcile(task);
            LOG.info("{}; index brought in step: {}", behind ? "the index answers again"
                    : "the corpus changed faster than it could be watched", outcome.summary());
            behind = false;
        } catch (EngineUnavailableException e) {
            behind = true; // still not answering: tried again in a few seconds
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not bring the index in step with the corpus: {}", e.getMessage());
        }
    }

    /** Adds the changed files of {@code key} to {@code changed}; true when events were lost. */
    static boolean collect(WatchKey key, Set<Path> changed) {
        Path dir = (Path) key.watchable();
        boolean lost = false;
        for (var event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                lost = true;
            } else if (event.context() instanceof Path name && !name.toString().startsWith(".")) {
                changed.add(dir.resolve(name));
            }
        }
        key.reset();
        return lost;
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        thread.interrupt();
    }
}
