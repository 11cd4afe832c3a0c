package org.painsearch.opensearch;

import org.painsearch.corpus.FileStamp;
import org.painsearch.engine.IndexedFile;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.painsearch.index.Fields;

/**
 * Writes painsearch's documents into one OpenSearch index or alias: each document with its children (podcast
 * segments, passage vectors) as {@link BlockSources} renders them, in {@code _bulk} requests of bounded size. Items
 * the cluster turns away for being busy (429) are sent again after a growing pause; any other refusal is an error
 * naming the document and the cluster's reason. A write asked to be visible returns once a search finds it (the
 * index refreshed), as a note save needs; bulk work into a new index does not wait.
 */
public final class OpenSearchWriter {
    /** Operations per {@code _bulk} request: a few megabytes of text and vectors at most. */
    static final int BULK_OPERATIONS = 500;
    private static final int PAGE = 1_000;
    private static final int ATTEMPTS = 6;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final int TOO_MANY_REQUESTS = 429;

    private final OpenSearchClient client;
    private final String target;
    // A new index (a rebuild's) holds no earlier version of any document: nothing to clean up after a write.
    private final boolean fresh;

    /** A writer into {@code target}, an index or an alias naming one. */
    public OpenSearchWriter(OpenSearchClient client, String target) {
        this(client, target, false);
    }

    private OpenSearchWriter(OpenSearchClient client, String target, boolean fresh) {
        this.client = client;
        this.target = target;
        this.fresh = fresh;
    }

    /** A writer filling the new, empty index {@code name}, where each document is written once. */
    static OpenSearchWriter intoNewIndex(OpenSearchClient client, String name) {
        return new OpenSearchWriter(client, name, true);
    }

    /**
     * Writes {@code blocks} (each a document's block, see {@code index.Indexer#block}), replacing what each
     * document had: children it no longer has are removed. With {@code visible}, returns once searches see it all.
     */
    public void write(List<List<org.apache.lucene.document.Document>> blocks, boolean visible) throws IOException {
        if (blocks.isEmpty()) {
            return;
        }
        var operations = new ArrayList<BulkOperation>();
        var roots = new LinkedHashSet<String>();
        var kept = new ArrayList<String>();
        for (var block : blocks) {
            for (var source : BlockSources.of(block)) {
                operations.add(BulkOperation.of(b -> b.index(i -> i.index(target).id(source.id()).document(source.fields()))));
                roots.add(source.root());
                kept.add(source.id());
            }
        }
        send(operations);
        if (fresh) {
            if (visible) {
                refresh();
            }
            return;
        }
        // Children of an earlier version that this one no longer has (a shorter transcript, fewer passages): the
        // refresh lets the query see them, however recently they were written, and makes this write searchable
        // (the removal's own refresh happens only when it removed something).
        refresh();
        removeWhere(Query.of(q -> q.bool(b -> b
                .filter(f -> f.terms(t -> t.field(Fields.ROOT).terms(v -> v.value(values(roots)))))
                .mustNot(m -> m.ids(ids -> ids.values(kept))))), visible);
    }

    /** Removes the documents {@code ids} with all their children. */
    public void delete(Collection<String> ids, boolean visible) throws IOException {
        if (ids.isEmpty()) {
            return;
        }
        refresh();
        removeWhere(Query.of(q -> q.terms(t -> t.field(Fields.ROOT).terms(v -> v.value(values(ids))))), visible);
    }

    /** Every document's content version by id (documents without one map to an empty string). */
    public Map<String, String> contentVersions() throws IOException {
        var out = new LinkedHashMap<String, String>();
        indexedFiles().forEach((id, file) -> out.put(id, file.version()));
        return out;
    }

    /** What the index records about every document's file: its content version and stamp, by id. */
    public Map<String, IndexedFile> indexedFiles() throws IOException {
        var out = new LinkedHashMap<String, IndexedFile>();
        List<FieldValue> after = null;
        while (true) {
            final List<FieldValue> from = after;
            var page = client.search(s -> {
                s.index(target).size(PAGE).source(src -> src.fetch(false))
                        .query(q -> q.term(t -> t.field(Fields.KIND).value(FieldValue.of(Fields.KIND_DOC))))
                        .docvalueFields(f -> f.field(Fields.ID)).docvalueFields(f -> f.field(Fields.VERSION))
                        .docvalueFields(f -> f.field(Fields.FILE_SIZE)).docvalueFields(f -> f.field(Fields.FILE_MODIFIED))
                        .sort(o -> o.field(f -> f.field(Fields.ID).order(SortOrder.Asc)));
                if (from != null) {
                    s.searchAfter(from);
                }
                return s;
            }, Void.class);
            var hits = page.hits().hits();
            for (var hit : hits) {
                long size = number(hit.fields().get(Fields.FILE_SIZE));
                long modified = number(hit.fields().get(Fields.FILE_MODIFIED));
                var stamp = size == FileStamp.NO_STAMP || modified == FileStamp.NO_STAMP ? null : new FileStamp(size, modified);
                out.put(first(hit.fields().get(Fields.ID)), new IndexedFile(first(hit.fields().get(Fields.VERSION)), stamp));
            }
            if (hits.size() < PAGE) {
                return out;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    /** Records a new stamp for document {@code id}'s file (found unchanged by its content version). */
    public void restamp(String id, FileStamp stamp) throws IOException {
        var fields = new LinkedHashMap<String, Object>();
        fields.put(Fields.FILE_SIZE, stamp == null ? FileStamp.NO_STAMP : stamp.size());
        fields.put(Fields.FILE_MODIFIED, stamp == null ? FileStamp.NO_STAMP : stamp.modified());
        try {
            client.update(u -> u.index(target).id(id).doc(fields), Map.class);
        } catch (OpenSearchException e) {
            throw new IOException("OpenSearch could not record the file stamp of " + id + " in " + target + ": "
                    + e.getMessage(), e);
        }
    }

    private static long number(org.opensearch.client.json.JsonData values) {
        if (values == null) {
            return FileStamp.NO_STAMP;
        }
        var list = values.toJson().asJsonArray();
        return list.isEmpty() ? FileStamp.NO_STAMP : list.getJsonNumber(0).longValue();
    }

    /** Makes every write so far searchable. */
    public void refresh() throws IOException {
        client.indices().refresh(r -> r.index(target));
    }

    private void removeWhere(Query query, boolean visible) throws IOException {
        var answer = client.deleteByQuery(d -> d.index(target).query(query).refresh(visible ? Refresh.True : Refresh.False).conflicts(
                org.opensearch.client.opensearch._types.Conflicts.Proceed));
        if (!answer.failures().isEmpty()) {
            var failure = answer.failures().get(0);
            throw new IOException("OpenSearch could not remove document " + failure.id() + " from " + target + ": "
                    + failure.cause().reason() + " (" + answer.failures().size() + " failed)");
        }
    }

    // Sends the operations in requests of at most BULK_OPERATIONS, each item the cluster was too busy for again.
    private void send(List<BulkOperation> operations) throws IOException {
        for (int from = 0; from < operations.size(); from += BULK_OPERATIONS) {
            var pending = operations.subList(from, Math.min(operations.size(), from + BULK_OPERATIONS));
            Duration pause = FIRST_PAUSE;
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                BulkResponse answer = bulk(pending);
                var busy = new ArrayList<BulkOperation>();
                for (int i = 0; i < answer.items().size(); i++) {
                    BulkResponseItem item = answer.items().get(i);
                    if (item.error() == null) {
                        continue;
                    }
                    if (item.status() != TOO_MANY_REQUESTS) {
                        throw new IOException("OpenSearch refused document " + item.id() + " in " + item.index() + ": "
                                + item.error().reason() + " (" + item.error().type() + ")");
                    }
                    busy.add(pending.get(i));
                }
                if (!busy.isEmpty() && attempt == ATTEMPTS) {
                    throw new IOException("OpenSearch stayed too busy to take " + busy.size() + " documents after "
                            + ATTEMPTS + " attempts (429); try again when the cluster is less loaded");
                }
                if (!busy.isEmpty()) {
                    sleep(pause);
                    pause = pause.multipliedBy(2);
                }
                pending = busy;
            }
        }
    }

    private BulkResponse bulk(List<BulkOperation> operations) throws IOException {
        try {
            return client.bulk(b -> b.operations(operations));
        } catch (OpenSearchException e) {
            throw new IOException("OpenSearch refused a bulk write to " + target + ": " + e.getMessage(), e);
        }
    }

    private static List<FieldValue> values(Collection<String> strings) {
        return strings.stream().map(FieldValue::of).toList();
    }

    private static String first(org.opensearch.client.json.JsonData values) {
        if (values == null) {
            return "";
        }
        var list = values.toJson().asJsonArray();
        return list.isEmpty() ? "" : list.getString(0);
    }

    private static void sleep(Duration pause) throws IOException {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a busy cluster", e);
        }
    }
}
