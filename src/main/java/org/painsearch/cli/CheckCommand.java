package org.painsearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.painsearch.app.Reconciliation;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.engine.Health;
import org.painsearch.engine.Engines;
import org.painsearch.engine.RankingMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code painsearch check}: are the index's files whole, and does the index match the corpus? */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check that the index's files are whole (Lucene's CheckIndex) and that the index holds every "
                + "corpus file in its current version and nothing else; print what differs. Changes nothing."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the index is whole and matches the corpus",
                "1:problems were found (listed, with what to do)"})
final class CheckCommand implements Callable<Integer> {
    // How many differing files are listed per kind; the counts are always given.
    private static final int LISTED = 20;

    @Mixin
    private StoreOptions store;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var out = spec.commandLine().getOut();
        var corpus = new CorpusStore(store.corpusDir());
        out.println("Checking " + store.engine().where() + " against the corpus in " + corpus.root() + " …");
        out.flush();
        boolean problems = false;
        switch (Engines.health(store.engine())) {
            case Health.Missing m -> {
                out.println("There is no index yet: ./painsearch reindex (or serve) builds one from the corpus.");
                out.flush();
                return 1;
            }
            case Health.Damaged d -> {
                out.println("The index is damaged: " + d.problem() + ".");
                out.println("Run ./painsearch reindex (or serve): the damaged index is moved aside and a new one is "
                        + "built from the corpus, which holds everything.");
                out.flush();
                return 1;
            }
            case Health.Unavailable u -> {
                out.println(u.problem());
                out.flush();
                return 1;
            }
            case Health.Busy b -> out.println("Index files: not checked, a running painsearch has the index "
                    + "open (stop it to check them); comparing its last commit with the corpus.");
            case Health.Whole w -> {
                out.printf(store.engine().backend() == org.painsearch.engine.EngineConfig.Backend.OPENSEARCH
                        ? "Index on the cluster: all %d shard(s) active, %d documents.%n"
                        : "Index files: whole (%d segment(s), %d entries).%n", w.segments(), w.documents());
                if (!w.currentSchema()) {
                    out.println("The index was made by an older painsearch: ./painsearch reindex rebuilds it.");
                    problems = true;
                }
            }
        }
        Reconciliation.Differences differences;
        try (var engine = Engines.open(store.engine().readingOnly().withRanking(RankingMode.BM25))) {
            differences = Reconciliation.compare(corpus, engine.contentVersions());
        }
        int files = corpus.documentFiles().size();
        if (differences.none()) {
            out.printf("Corpus and index: in step (%d document(s)).%n", files);
        } else {
            out.printf("Corpus and index differ in %d of %d document(s):%n", differences.count(), files);
            list(out, "not in the index", differences.missing().stream().map(p -> relative(corpus, p)).toList());
            list(out, "older in the index than on disk", differences.stale().stream().map(p -> relative(corpus, p)).toList());
            list(out, "in the index, but its file is gone", differences.orphaned());
            out.println("Starting painsearch (serve, or any command that writes) brings the index in step; "
                    + "./painsearch reindex rebuilds it.");
            problems = true;
        }
        out.flush();
        return problems ? 1 : 0;
    }

    private static String relative(CorpusStore corpus, Path file) {
        return corpus.root().relativize(file).toString();
    }

    private static void list(PrintWriter out, String what, java.util.List<String> items) {
        for (String item : items.subList(0, Math.min(LISTED, items.size()))) {
            out.println("  " + what + ": " + item);
        }
        if (items.size() > LISTED) {
            out.printf("  … and %d more %s%n", items.size() - LISTED, what);
        }
    }
}
