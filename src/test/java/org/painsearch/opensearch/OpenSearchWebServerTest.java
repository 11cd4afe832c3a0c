package org.painsearch.opensearch;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.painsearch.app.Library;
import org.painsearch.web.WebServerTest;

/**
 * The web server tests (health, tasks, search answers, filters, paging, documents, escaping, imports, origins),
 * with the same expected answers, served from an index on OpenSearch.
 */
@OpenSearchTest
class OpenSearchWebServerTest extends WebServerTest {
    private final ClusterLibrary onCluster;

    // One instance for the class (the base class's lifecycle), so the cluster comes with it, before its BeforeAll.
    OpenSearchWebServerTest(OpenSearchCluster cluster) {
        onCluster = new ClusterLibrary(cluster, "web-server");
    }

    @Override
    protected Library open(Path dir) throws IOException {
        return onCluster.open(dir);
    }

    @AfterAll
    void dropIndex() throws IOException {
        onCluster.drop();
    }
}
