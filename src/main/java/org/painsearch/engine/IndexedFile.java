package org.painsearch.engine;

import org.painsearch.corpus.FileStamp;
/**
 * What the index recorded about the corpus file a document was read from.
 *
 * @param version its content version ("" when indexed without one)
 * @param stamp   its size and modification time then, or null when none was recorded
 */
public record IndexedFile(String version, FileStamp stamp) {
    public IndexedFile {
        version = version == null ? "" : version;
    }
}
