package org.painsearch.cli;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code painsearch reindex}: rebuilds the index from the corpus files. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = {"Rebuild the index from the corpus files, with progress.",
                "The old index keeps serving until the new one is complete. When a server has the index open, "
                        + "the rebuild is done by that server."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every corpus file was indexed", "1:some files were left out (listed) or the rebuild failed"})
final class ReindexCommand implements Callable<Integer> {
    @Mixin
    private StoreOptions store;

    @picocli.CommandLine.Option(names = "--reextract",
            description = "First extract crawled documents again from the raw responses kept in corpus/.crawl (offline).")
    private boolean reextract;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        var out = spec.commandLine().getOut();
        if (reextract) {
            var corpus = new org.painsearch.corpus.CorpusStore(store.corpusDir());
            var result = org.painsearch.crawl.Reextractor.run(corpus, org.painsearch.crawl.CrawlListener.NONE);
            out.printf("Re-extracted %d stored response(s): %d document(s) new or changed, %d failed.%n",
                    result.responses(), result.written(), result.failed());
            out.flush();
        }
        return rebuild(LocalIndex.open(store, out), out);
    }

    /** Rebuilds the index here, or asks the server that holds it to; 0 when every file was indexed, else 1. */
    static int rebuild(LocalIndex.Access access, java.io.PrintWriter out) throws IOException {
        if (access.server() != null) {
            out.println("The index is open in " + access.server().describe() + "; asking it to reindex …");
            out.flush();
            var answer = ServerRegistry.post(access.server(), "/api/reindex", Map.of());
            answer.path("problems").forEach(p -> out.println("  left out " + p.asString()));
            out.printf("Indexed %d documents in %.2f s%n", answer.path("indexed").asInt(),
                    answer.path("millis").asLong() / 1000.0);
            return answer.path("problems").isEmpty() ? 0 : 1;
        }
        try (var library = access.library()) {
            boolean complete = LocalIndex.rebuild(library, out);
            // Words are searchable already; vectors not in the cache are computed now, as this process ends after.
            ConsoleProgress.finishVectors(library);
            return complete ? 0 : 1;
        }
    }
}
