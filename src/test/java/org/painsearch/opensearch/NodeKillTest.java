package org.painsearch.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.painsearch.corpus.DocType;
import org.painsearch.corpus.Document;
import org.painsearch.corpus.FileStamp;
import org.painsearch.index.Indexer;

/**
 * Two nodes, painsearch's index with one replica of each shard; painsearch writes documents in batches through
 * its OpenSearch writer while searches run, and the second node is killed (SIGKILL) in the middle of it. Searches
 * keep answering, every write the cluster acknowledged is still there, and the cluster is green again once the
 * node is back. A batch the cluster did not acknowledge is written again, as painsearch's corpus sync does.
 */
@OpenSearchTest
class NodeKillTest {
    private static final String ALIAS = "node-kill";
    private static final int BATCHES = 40;
    private static final int PER_BATCH = 25;

    @Test
    void searchesAnswerAndNoAcknowledgedWriteIsLostWhenANodeIsKilled(OpenSearchCluster cluster) throws Exception {
        var client = cluster.client();
        var second = cluster.addNode();
        try {
            var definition = IndexDefinition.of(2, 1, 8);
            client.indices().create(c -> c.index(ALIAS + "-1").settings(definition.settings())
                    .mappings(definition.mappings()).aliases(ALIAS, a -> a));
            cluster.awaitHealth(HealthStatus.Green);
            var writer = new OpenSearchWriter(client, ALIAS);

            var acknowledged = Collections.synchronizedList(new ArrayList<String>());
            var writeFailures = new AtomicInteger();
            var batchesDone = new AtomicInteger();
            var stop = new AtomicBoolean();
            var searchErrors = new CopyOnWriteArrayList<String>();
            var searches = new AtomicInteger();
            var searcher = Thread.ofPlatform().name("node-kill-searches").start(() -> {
                while (!stop.get()) {
                    try {
                        client.search(s -> s.index(ALIAS).size(10).query(q -> q.match(m -> m.field("body")
                                .query(org.opensearch.client.opensearch._types.FieldValue.of("sensitisation")))), Void.class);
                        searches.incrementAndGet();
                    } catch (IOException | RuntimeException e) {
                        searchErrors.add(e.getMessage());
                    }
                }
            });
            var failure = new AtomicReference<Throwable>();
            var writing = Thread.ofPlatform().name("node-kill-writes").start(() -> {
                try {
                    for (int b = 0; b < BATCHES; b++) {
                        var ids = new ArrayList<String>();
                        var blocks = new ArrayList<List<org.apache.lucene.document.Document>>();
                        for (int i = 0; i < PER_BATCH; i++) {
                            String id = String.format("doc-%02d-%02d", b, i);
                            ids.add(id);
                            blocks.add(Indexer.block(article(id), List.of(), "v1", new FileStamp(10, 20), false));
                        }
                        while (true) { // the batch again until the cluster takes it
                            try {
                                writer.write(blocks, true);
                                break;
                            } catch (IOException | RuntimeException e) {
                                writeFailures.incrementAndGet();
                                Thread.sleep(200);
                            }
                        }
                        acknowledged.addAll(ids);
                        batchesDone.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            });

            while (batchesDone.get() < BATCHES / 3 && writing.isAlive()) {
                Thread.sleep(10);
            }
            cluster.kill(second);
            int atKill = searches.get();
            writing.join(180_000);
            assertThat(writing.isAlive()).as("the writes finished").isFalse();
            int whileDown = searches.get();
            cluster.restart(second);
            cluster.awaitHealth(HealthStatus.Green);
            stop.set(true);
            searcher.join(30_000);

            assertThat(failure.get()).as("the writer's failure").isNull();
            assertThat(acknowledged).hasSize(BATCHES * PER_BATCH);
            assertThat(writer.contentVersions().keySet()).containsExactlyInAnyOrderElementsOf(acknowledged);
            assertThat(searchErrors).as("searches that failed (of %d)", searches.get()).isEmpty();
            assertThat(whileDown).as("searches answered while the node was down").isGreaterThan(atKill);
            System.out.printf("node kill: %d searches (%d while the node was down), %d batch writes tried again%n",
                    searches.get(), whileDown - atKill, writeFailures.get());
        } finally {
            client.indices().delete(d -> d.index(ALIAS + "-*").ignoreUnavailable(true).allowNoIndices(true));
            cluster.remove(second);
        }
    }

    private static Document article(String id) {
        return new Document(id, DocType.ARTICLE, "Article " + id, null, List.of(), null, null, List.of(), null, null,
                null, "Central sensitisation and the nervous system's volume knob.\n", List.of(), null);
    }
}
