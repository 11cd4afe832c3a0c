package org.painsearch.index;

import org.painsearch.corpus.FileStamp;
import org.painsearch.engine.IndexedFile;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;

/** The content version and file stamp recorded for each document of an index, read from doc values only. */
final class IndexedVersions {
    private IndexedVersions() {
    }

    /** Version by document id for every live document; "" for one indexed without a version. */
    static Map<String, String> of(IndexSearcher searcher) throws IOException {
        var out = new HashMap<String, String>();
        files(searcher).forEach((id, f) -> out.put(id, f.version()));
        return out;
    }

    /** What the index recorded about each live document's file, by id. */
    static Map<String, IndexedFile> files(IndexSearcher searcher) throws IOException {
        var out = new HashMap<String, IndexedFile>();
        for (var leaf : searcher.getIndexReader().leaves()) {
            var reader = leaf.reader();
            var live = reader.getLiveDocs();
            // Only whole documents carry an id; their segments and passages do not.
            var ids = DocValues.getSortedSet(reader, Fields.ID);
            var versions = DocValues.getSortedSet(reader, Fields.VERSION);
            var sizes = DocValues.getNumeric(reader, Fields.FILE_SIZE);
            var times = DocValues.getNumeric(reader, Fields.FILE_MODIFIED);
            for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                String id = ids.lookupOrd(ids.nextOrd()).utf8ToString();
                String version = versions.advanceExact(doc) ? versions.lookupOrd(versions.nextOrd()).utf8ToString() : "";
                FileStamp stamp = sizes.advanceExact(doc) && times.advanceExact(doc)
                        && times.longValue() != FileStamp.NO_STAMP ? new FileStamp(sizes.longValue(), times.longValue()) : null;
                out.put(id, new IndexedFile(version, stamp));
            }
        }
        return out;
    }

    /** The live documents flagged as still waiting for their passage vectors (see Fields#VECTORS_PENDING). */
    static java.util.List<Vectorizer.Job> pendingVectors(IndexSearcher searcher) throws IOException {
        var out = new java.util.ArrayList<Vectorizer.Job>();
        for (var leaf : searcher.getIndexReader().leaves()) {
            var reader = leaf.reader();
            var postings = reader.postings(new org.apache.lucene.index.Term(Fields.VECTORS_PENDING, "true"));
            if (postings == null) {
                continue;
            }
            var live = reader.getLiveDocs();
            var stored = reader.storedFields();
            var versions = DocValues.getSortedSet(reader, Fields.VERSION);
            var sizes = DocValues.getNumeric(reader, Fields.FILE_SIZE);
            var times = DocValues.getNumeric(reader, Fields.FILE_MODIFIED);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                var fields = stored.document(doc, java.util.Set.of(Fields.ID, Fields.PATH));
                String path = fields.get(Fields.PATH);
                String version = versions.advanceExact(doc) ? versions.lookupOrd(versions.nextOrd()).utf8ToString() : null;
                FileStamp stamp = sizes.advanceExact(doc) && times.advanceExact(doc)
                        && times.longValue() != FileStamp.NO_STAMP ? new FileStamp(sizes.longValue(), times.longValue()) : null;
                if (path != null) { // a document without a file cannot be read again: reconciliation rewrites it
                    out.add(Vectorizer.Job.ofFile(fields.get(Fields.ID), version, stamp, java.nio.file.Path.of(path)));
                }
            }
        }
        return out;
    }
}
