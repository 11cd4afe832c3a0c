package org.painsearch.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;

/** The content version recorded for each document of an index, read from doc values (no stored text is loaded). */
final class IndexedVersions {
    private IndexedVersions() {
    }

    /** Version by document id for every live document; "" for one indexed without a version. */
    static Map<String, String> of(IndexSearcher searcher) throws IOException {
        var out = new HashMap<String, String>();
        for (var leaf : searcher.getIndexReader().leaves()) {
            var reader = leaf.reader();
            var live = reader.getLiveDocs();
            // Only whole documents carry an id; their segments and passages do not.
            var ids = DocValues.getSortedSet(reader, Fields.ID);
            var versions = DocValues.getSortedSet(reader, Fields.VERSION);
            for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                String id = ids.lookupOrd(ids.nextOrd()).utf8ToString();
                out.put(id, versions.advanceExact(doc) ? versions.lookupOrd(versions.nextOrd()).utf8ToString() : "");
            }
        }
        return out;
    }
}
