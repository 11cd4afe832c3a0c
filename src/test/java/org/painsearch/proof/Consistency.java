package org.painsearch.proof;

import org.painsearch.Libraries;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.painsearch.app.Library;
import org.painsearch.corpus.AtomicFiles;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.corpus.Document;
import org.painsearch.index.Fields;
import org.painsearch.index.IndexService;

/** What must hold after any kill and restart: whole files only, every file readable, the index equal to the corpus. */
final class Consistency {
    /**
     * A kill between writing a file and committing it to the index leaves the index behind the corpus; opening it
     * again reconciles the two (as every command and the server do at start), so the checks open it that way. The
     * reindex kill point needs no such step: its last committed index must match as it is.
     */
    enum Index { AS_LEFT, RECONCILED }

    private Consistency() {
    }

    /** The documents of the corpus by id; fails on any file that cannot be read (a half-written one). */
    static Map<String, Document> documents(Path corpus) throws Exception {
        var store = new CorpusStore(corpus);
        var out = new HashMap<String, Document>();
        for (Path file : store.documentFiles()) {
            Document d = store.read(file);
            out.put(d.id(), d);
        }
        return out;
    }

    /** No unfinished temporary copy anywhere in the document, trash, conflict or crawl folders. */
    static void assertNoLeftovers(Path corpus) throws Exception {
        try (Stream<Path> all = Files.walk(corpus)) {
            var left = all.filter(p -> !p.getParent().equals(corpus) && AtomicFiles.isTemporary(p)).toList();
            assertThat(left).as("temporary files left after a restart").isEmpty();
        }
    }

    /** Every check; returns the corpus documents for the caller's own (acknowledged saves). */
    static Map<String, Document> assertConsistent(Path corpus, Path index, Index mode) throws Exception {
        assertNoLeftovers(corpus);
        var docs = documents(corpus);
        try (var library = Libraries.open(new CorpusStore(corpus), IndexService.openWritable(index))) {
            if (mode == Index.RECONCILED) {
                assertThat(library.reconcile(Library.Progress.NONE).problems()).isEmpty();
            }
            Set<String> indexed = Libraries.lucene(library).index().withSearcher(s -> {
                var ids = new java.util.HashSet<String>();
                var top = s.search(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOC)), Integer.MAX_VALUE);
                for (var sd : top.scoreDocs) {
                    ids.add(s.storedFields().document(sd.doc, Set.of(Fields.ID)).get(Fields.ID));
                }
                return ids;
            });
            assertThat(indexed).as("ids in the index (" + mode + ")").isEqualTo(docs.keySet());
            for (Document d : docs.values()) {
                var view = library.engine().document(d.id()).orElseThrow();
                assertThat(view.title()).as(d.id()).isEqualTo(d.title());
                assertThat(view.markdown()).as(d.id()).isEqualTo(d.body());
            }
        }
        return docs;
    }
}
