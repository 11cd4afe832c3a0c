package org.painsearch.opensearch;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.painsearch.app.Library;
import org.painsearch.web.NotesApiTest;

/** Every notes and bookmarks API test, with the same expected answers, served from an index on OpenSearch. */
@OpenSearchTest
class OpenSearchNotesApiTest extends NotesApiTest {
    private final ClusterLibrary onCluster;

    OpenSearchNotesApiTest(OpenSearchCluster cluster) {
        onCluster = new ClusterLibrary(cluster, "notes-api");
    }

    @Override
    protected Library open(Path dir) throws IOException {
        return onCluster.open(dir);
    }

    @AfterEach
    void dropIndex() throws IOException {
        onCluster.drop();
    }
}
