package org.painsearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.painsearch.ingest.ImportOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code painsearch import PATH...}: brings files into the corpus and the index. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import files or folders of .md, .html/.htm, .txt, .vtt and .srt into the corpus, and index them.",
                "An .opml file (podcast subscriptions) adds its feeds to corpus/sources.yaml for painsearch crawl.",
                "A .zip made by painsearch export is restored into the corpus (its files replace those there), then "
                        + "the index is rebuilt.",
                "Links out of an imported folder are not followed; hidden files and folders are left out unless named.",
                "Importing the same source again updates it. Files that cannot be imported are listed with the reason; "
                        + "the rest are still imported."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:everything given was imported or deliberately skipped", "1:some files failed (listed)"})
final class ImportCommand implements Callable<Integer> {
    @Mixin
    private StoreOptions store;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to import.")
    private List<Path> paths;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var out = spec.commandLine().getOut();
        List<Path> absolute = paths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        List<Path> opml = absolute.stream().filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                .endsWith(".opml")).toList();
        int opmlFailed = OpmlImport.addFeeds(opml, store.corpusDir(), out);
        List<Path> archives = absolute.stream().filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                .endsWith(".zip")).toList();
        int archiveFailed = archives.isEmpty() ? 0 : ArchiveImport.restore(archives, store, out);
        absolute = absolute.stream().filter(p -> !opml.contains(p) && !archives.contains(p)).toList();
        if (absolute.isEmpty()) {
            return opmlFailed + archiveFailed == 0 ? 0 : 1;
        }
        opmlFailed += archiveFailed;
        var access = LocalIndex.open(store, out);
        if (access.server() != null) {
            out.println("The index is open in " + access.server().describe() + "; handing the import to it …");
            var answer = ServerRegistry.post(access.server(), "/api/import",
                    Map.of("paths", absolute.stream().map(Path::toString).toList()));
            int failed = 0;
            for (var o : answer.path("outcomes")) {
                String status = o.path("status").asString();
                failed += status.equals("failed") ? 1 : 0;
                print(out, status, Path.of(o.path("source").asString()), o.path("id").asString(null),
                        o.path("reason").asString(null));
            }
            return summary(out, answer.path("outcomes").size(), failed + opmlFailed);
        }
        try (var library = access.library()) {
            LocalIndex.ensureBuilt(library, out);
            var outcomes = library.importPaths(absolute, o -> {
                switch (o) {
                    case ImportOutcome.Imported i -> print(out, i.updated() ? "updated" : "imported", o.source(),
                            i.document().id(), null);
                    case ImportOutcome.Skipped s -> print(out, "skipped", o.source(), null, s.reason());
                    case ImportOutcome.Failed f -> print(out, "failed", o.source(), null, f.reason());
                }
            });
            ConsoleProgress.finishVectors(library); // the imported documents' meaning vectors, before this process ends
            int failed = (int) outcomes.stream().filter(o -> o instanceof ImportOutcome.Failed).count();
            return summary(out, outcomes.size(), failed + opmlFailed);
        }
    }

    private static void print(PrintWriter out, String status, Path source, String id, String reason) {
        out.printf("%-9s %s%s%n", status, source, id != null ? " -> " + id : reason != null ? ": " + reason : "");
        out.flush();
    }

    private static int summary(PrintWriter out, int total, int failed) {
        out.printf("%d file(s) processed, %d failed%n", total, failed);
        return failed == 0 ? 0 : 1;
    }
}
