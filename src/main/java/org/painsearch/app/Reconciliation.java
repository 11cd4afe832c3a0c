package org.painsearch.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.painsearch.corpus.ContentVersion;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.corpus.FileStamp;
import org.painsearch.engine.IndexedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the index in step with the corpus: compares each corpus file's content version with the one the index
 * recorded, and re-indexes files missing from the index or newer than it, and removes documents whose file is gone.
 * A file whose size and modification time are those the index recorded is not read at all, so a start at 100k
 * documents reads only what changed.
 * Run when the index is opened (whatever was written while painsearch was stopped, or lost in a crash) and when the
 * corpus watcher loses events.
 */
public final class Reconciliation {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);

    private Reconciliation() {
    }

    /**
     * How corpus and index differ.
     *
     * @param missing  corpus files the index does not have
     * @param stale    corpus files the index has in an older version
     * @param orphaned ids of indexed documents whose file is gone
     * @param unstamped corpus files in step with the index that it has no stamp for (they were read while they could
     *                  still change), with their stamp now: recorded, so that the next comparison need not read them
     */
    public record Differences(List<Path> missing, List<Path> stale, List<String> orphaned,
                              Map<Path, FileStamp> unstamped) {
        public Differences {
            missing = List.copyOf(missing);
            stale = List.copyOf(stale);
            orphaned = List.copyOf(orphaned);
            unstamped = Map.copyOf(unstamped);
        }

        /** True when the index matches the corpus. */
        public boolean none() {
            return missing.isEmpty() && stale.isEmpty() && orphaned.isEmpty();
        }

        /** How many documents differ. */
        public int count() {
            return missing.size() + stale.size() + orphaned.size();
        }
    }

    /** What a run found and fixed; {@code problems} are files that could not be read (left as they were). */
    public record Outcome(Differences found, List<String> problems) {
        public Outcome {
            problems = List.copyOf(problems);
        }

        /** One line for a person: what was brought in step. */
        public String summary() {
            return "%d added, %d updated, %d removed".formatted(found.missing().size(), found.stale().size(),
                    found.orphaned().size());
        }
    }

    /**
     * Compares the corpus files with the content versions an index recorded (see IndexService#contentVersions),
     * hashing every file: what {@code ./painsearch check} does, trusting nothing.
     */
    public static Differences compare(CorpusStore corpus, Map<String, String> indexed) throws IOException {
        var files = new HashMap<String, IndexedFile>();
        indexed.forEach((id, version) -> files.put(id, new IndexedFile(version, null)));
        // Nothing trusted: every file is hashed (and what it finds unstamped is ignored here).
        return compareFiles(corpus, files, n -> { });
    }

    /**
     * Compares the corpus files with what an index recorded about them (see IndexService#indexedFiles), telling
     * {@code progress} how many files were compared. A file whose size and modification time are those recorded
     * is taken as unchanged without reading it; the others are hashed and compared by content version.
     */
    public static Differences compareFiles(CorpusStore corpus, Map<String, IndexedFile> indexed,
                                           java.util.function.IntConsumer progress) throws IOException {
        int compared = 0;
        var missing = new ArrayList<Path>();
        var stale = new ArrayList<Path>();
        var unstamped = new HashMap<Path, FileStamp>();
        var onDisk = new HashMap<String, Path>();
        for (Path file : corpus.documentFiles()) {
            String name = file.getFileName().toString();
            String id = name.substring(0, name.length() - 3);
            onDisk.put(id, file);
            IndexedFile known = indexed.get(id);
            if (known == null) {
                missing.add(file);
            } else if (known.stamp() == null || !known.stamp().equals(FileStamp.of(file))) {
                var stamp = FileStamp.settled(file); // before the hash, as when indexing
                if (!known.version().equals(ContentVersion.ofDocument(file))) {
                    stale.add(file);
                } else if (stamp != null) {
                    unstamped.put(file, stamp);
                }
            }
            progress.accept(++compared);
        }
        var orphaned = new TreeSet<>(indexed.keySet());
        orphaned.removeAll(onDisk.keySet());
        return new Differences(missing, stale, List.copyOf(orphaned), unstamped);
    }

    /** Compares and fixes through the library's one write path, then commits; {@code progress} counts documents. */
    static Outcome run(Library library, Library.Progress progress) throws IOException {
        progress.stage("Checking the index against the corpus", library.corpus().documentFiles().size());
        var found = compareFiles(library.corpus(), library.engine().indexedFiles(), progress::step);
        if (!found.none()) {
            progress.stage("Bringing the index in step", found.count()); // no empty bar when nothing differs
        }
        var problems = new ArrayList<String>();
        int done = 0;
        for (Path file : concat(found.missing(), found.stale())) {
            try {
                library.syncFile(file);
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not index {}: {}", file, e.getMessage());
                problems.add(e.getMessage());
            }
            progress.step(++done);
        }
        for (String id : found.orphaned()) {
            library.forget(id);
            progress.step(++done);
        }
        for (var e : found.unstamped().entrySet()) {
            String name = e.getKey().getFileName().toString();
            try {
                library.engine().restamp(name.substring(0, name.length() - 3), e.getValue());
            } catch (IOException | RuntimeException failed) {
                // An index from before stamps has no such fields to update: its files are hashed until reindexed.
                LOG.debug("could not record file stamps: {}", failed.getMessage());
                break;
            }
        }
        if (!found.none() || !found.unstamped().isEmpty()) {
            library.engine().flush();
        }
        return new Outcome(found, problems);
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
