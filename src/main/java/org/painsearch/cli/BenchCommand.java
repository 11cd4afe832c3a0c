package org.painsearch.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.painsearch.bench.BenchConfig;
import org.painsearch.bench.Benchmark;
import org.painsearch.bench.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code painsearch bench}: painsearch measured against bare Lucene and Javalin on a generated corpus. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure painsearch against bare Lucene and a bare Javalin app on a corpus of N documents "
                + "recombined (fixed seed) from ../shared/eval, in a temporary folder: reindex, search, HTTP at 16 "
                + "connections (wrk, installed with apt-get when missing), serve to first answer, a 512 MB heap, "
                + "vectors. Each figure runs alternately with its baseline; prints a table of figures and ratios.",
                "Takes 20 minutes or more at the default size on two cores, much longer on a busy machine: the table "
                        + "shows the load average."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every figure measured", "1:a part could not run (the table's end or the message says which "
                + "and why)"})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--docs", paramLabel = "N", defaultValue = "100000",
            description = "Documents in the generated corpus (default: ${DEFAULT-VALUE}).")
    private int docs;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the figures as JSON to FILE.")
    private Path outFile;

    @Option(names = "--rounds", defaultValue = "2",
            description = "Rounds of each figure, painsearch and baseline alternately (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--seconds", defaultValue = "10",
            description = "Length of each HTTP load run, in seconds (default: ${DEFAULT-VALUE}).")
    private int seconds;

    @Option(names = "--vector-docs", paramLabel = "N", defaultValue = "10000",
            description = "Documents vectorized for the embedding and hybrid figures; 0 leaves them out "
                    + "(default: ${DEFAULT-VALUE}).")
    private int vectorDocs;

    @Option(names = "--questions", paramLabel = "N", defaultValue = "200",
            description = "Questions sampled from the collections' queries.jsonl (default: ${DEFAULT-VALUE}).")
    private int questions;

    @Option(names = "--parts", paramLabel = "PART[,PART...]", split = ",", hideParamSyntax = true,
            description = "Which parts to measure: reindex, search, http, heap, vectors, opensearch, or all (default: "
                    + "all, or opensearch with --backend opensearch). The index is built once even when reindex is not "
                    + "measured.")
    private List<String> parts;

    @Option(names = "--backend", paramLabel = "lucene|opensearch", defaultValue = "lucene",
            description = "opensearch measures painsearch on the cluster at --opensearch-url (or "
                    + "PAINSEARCH_OPENSEARCH_URL) beside the embedded index: reindex, search and /api/search; lucene "
                    + "(default) measures the embedded index against bare Lucene and Javalin.")
    private String backend;

    @Option(names = "--shared", paramLabel = "DIR",
            description = "The folder of eval collections (default: ../shared/eval beside the install).")
    private Path shared;

    @Option(names = "--opensearch-url", paramLabel = "URL",
            description = "Also measure painsearch on the OpenSearch cluster at URL beside the embedded index "
                    + "(reindex docs/s, search p50/p99, /api/search req/s and p99); it writes and then deletes the "
                    + "alias painsearch-bench there.")
    private String openSearchUrl;

    @Option(names = "--tmp", paramLabel = "DIR", defaultValue = "${sys:java.io.tmpdir}",
            description = "Where the scratch corpus and indexes go; deleted at the end (default: ${DEFAULT-VALUE}).")
    private Path tmp;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        Path home = Path.of(System.getProperty("painsearch.home", ".")).toAbsolutePath().normalize();
        Path evalDir = shared != null ? shared : home.resolveSibling("shared").resolve("eval");
        boolean cluster = switch (backend.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "lucene" -> false;
            case "opensearch" -> true;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--backend takes lucene or opensearch (got: " + backend + ")");
        };
        String url = openSearchUrl != null ? openSearchUrl : cluster ? System.getenv("PAINSEARCH_OPENSEARCH_URL") : null;
        if (cluster && (url == null || url.isBlank())) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--backend opensearch needs the cluster's address: --opensearch-url URL or "
                            + "PAINSEARCH_OPENSEARCH_URL");
        }
        Set<BenchConfig.Part> chosen = parts != null ? parts(parts)
                : cluster ? EnumSet.of(BenchConfig.Part.OPENSEARCH) : BenchConfig.ALL_PARTS;
        var config = new BenchConfig(docs, rounds, Duration.ofSeconds(seconds), vectorDocs, questions, evalDir, tmp,
                chosen, url);
        Report report = Benchmark.run(config, out, r -> {
            out.println();
            out.print(r.table());
            if (outFile != null) {
                Files.writeString(outFile, r.json(), StandardCharsets.UTF_8);
                out.println("\nJSON written to " + outFile);
            }
            out.flush();
        });
        return report.problems().isEmpty() ? 0 : 1;
    }

    private static Set<BenchConfig.Part> parts(List<String> names) {
        if (names.stream().anyMatch(n -> n.strip().equalsIgnoreCase("all"))) {
            return BenchConfig.ALL_PARTS;
        }
        var out = EnumSet.noneOf(BenchConfig.Part.class);
        names.forEach(n -> out.add(BenchConfig.Part.parse(n)));
        return out;
    }
}
