package org.painsearch.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.painsearch.corpus.CorpusException;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.corpus.DocType;
import org.painsearch.corpus.Document;
import org.painsearch.engine.Engine;

/** Brings single corpus files into the index through the one write path, skipping those already indexed as they are. */
final class FileSync {
    /** A generation that is always visible: nothing was written. */
    static final long NOTHING_WRITTEN = Engine.NOTHING_WRITTEN;

    private final CorpusStore corpus;
    private final Engine indexer;
    // What was last indexed for each id, so an event for a file we just wrote ourselves costs nothing.
    private final Map<String, String> indexedVersions = new ConcurrentHashMap<>();

    FileSync(CorpusStore corpus, Engine indexer) {
        this.corpus = corpus;
        this.indexer = indexer;
    }

    /**
     * A changed document is re-read and replaced, a removed one is taken out, a transcript refreshes its episode.
     * A file that cannot be read leaves the indexed version. Returns the generation of the write.
     */
    long sync(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(".vtt") || name.endsWith(".srt")) {
            Path md = file.resolveSibling(name.substring(0, name.length() - 4) + ".md");
            return Files.exists(md) ? sync(md) : NOTHING_WRITTEN;
        }
        if (!corpus.isDocumentFile(file)) {
            return NOTHING_WRITTEN; // the trash and the other hidden folders are not part of the library
        }
        String id = name.substring(0, name.length() - 3);
        if (!Files.exists(file)) {
            boolean elsewhere = Arrays.stream(DocType.values()).anyMatch(t -> Files.exists(corpus.pathFor(t, id)));
            return elsewhere ? NOTHING_WRITTEN : forget(id);
        }
        try {
            var read = corpus.snapshot(file);
            Document d = read.document();
            String version = read.version();
            if (version.equals(indexedVersions.get(d.id()))) {
                return NOTHING_WRITTEN;
            }
            long generation = indexer.write(d, version, read.stamp());
            indexedVersions.put(d.id(), version);
            return generation;
        } catch (CorpusException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Takes the document {@code id} out of the index. */
    long forget(String id) throws IOException {
        indexedVersions.remove(id);
        return indexer.delete(id);
    }

    /** After a rebuild every version is new to this process again. */
    void forgetAll() {
        indexedVersions.clear();
    }
}
