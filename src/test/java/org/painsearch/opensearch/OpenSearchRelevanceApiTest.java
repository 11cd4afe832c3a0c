package org.painsearch.opensearch;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.painsearch.app.Library;
import org.painsearch.web.RelevanceApiTest;

/**
 * Every relevance API test (totals and facets, query details, questions, did-you-mean, suggestions, related,
 * explanations), with the same expected answers, served from an index on OpenSearch.
 */
@OpenSearchTest
class OpenSearchRelevanceApiTest extends RelevanceApiTest {
    private final ClusterLibrary onCluster;

    // One instance for the class (the base class's lifecycle), so the cluster comes with it, before its BeforeAll.
    OpenSearchRelevanceApiTest(OpenSearchCluster cluster) {
        onCluster = new ClusterLibrary(cluster, "relevance-api");
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
