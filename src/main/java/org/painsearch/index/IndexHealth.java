package org.painsearch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/** Whether an index's files are whole, by Lucene's own {@link CheckIndex}, told in plain words. */
public final class IndexHealth {
    private IndexHealth() {
    }

    /** The state of an index's files; {@code problem} says what is wrong in plain words, null when nothing is. */
    public sealed interface Report {
        /** The index's files are whole. */
        record Whole(int segments, int documents, boolean currentSchema) implements Report {
        }

        /** There is no index yet. */
        record Missing() implements Report {
        }

        /** Another process (a running server) holds the index, so its files cannot be checked now. */
        record Busy() implements Report {
        }

        /** Some files are damaged or missing. */
        record Damaged(String problem) implements Report {
        }
    }

    /** Checks every file of the index at {@code indexDir} (reads all of it: seconds for a large index). */
    public static Report check(Path indexDir) throws IOException {
        if (!Files.isDirectory(indexDir)) {
            return new Report.Missing();
        }
        try (Directory dir = FSDirectory.open(indexDir)) {
            if (!DirectoryReader.indexExists(dir)) {
                return new Report.Missing();
            }
            try (var checker = new CheckIndex(dir)) {
                checker.setInfoStream(null);
                CheckIndex.Status status = checker.checkIndex();
                if (status.clean) {
                    int docs;
                    try (var reader = DirectoryReader.open(dir)) {
                        docs = reader.numDocs();
                    }
                    var data = status.userData == null ? java.util.Map.<String, String>of() : status.userData;
                    return new Report.Whole(status.numSegments, docs,
                            Fields.SCHEMA_VERSION.equals(data.get(Fields.SCHEMA_KEY)));
                }
                if (status.missingSegments) {
                    return new Report.Damaged("its list of segments cannot be read");
                }
                if (status.toolOutOfDate) {
                    return new Report.Damaged("it was written by a newer Lucene than this painsearch reads");
                }
                return new Report.Damaged("%d of its %d segment(s) cannot be read (%d of its entries would be lost)"
                        .formatted(status.numBadSegments, status.numSegments, status.totLoseDocCount));
            } catch (LockObtainFailedException e) {
                return new Report.Busy();
            }
        } catch (IOException | RuntimeException e) {
            String why = DamagedIndex.damage(e);
            if (why == null) {
                throw e;
            }
            return new Report.Damaged(why);
        }
    }
}
