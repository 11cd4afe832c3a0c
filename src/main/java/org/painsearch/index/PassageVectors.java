package org.painsearch.index;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.painsearch.corpus.Document;

/** Where the index gets the passage vectors of documents for ranking by meaning (the embedding model). */
public interface PassageVectors {
    /** The vectors of every passage of each document, by document id; {@code progress} gets documents done. */
    Map<String, List<float[]>> vectorsFor(List<Document> docs, IntConsumer progress) throws IOException;

    /** The vectors of every passage of {@code d} when all are known without running the model, else null. */
    default List<float[]> cached(Document d) {
        return null;
    }
}
