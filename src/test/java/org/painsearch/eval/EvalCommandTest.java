package org.painsearch.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.cli.Main;

/** The eval command on a hand-made collection whose rankings are known. */
class EvalCommandTest {
    @TempDir
    Path dir;

    @Test
    void indexesRunsAndPrintsTheMeasuresLast() throws Exception {
        Path c = dir.resolve("tiny");
        Files.createDirectories(c.resolve("qrels"));
        Files.writeString(c.resolve("corpus.jsonl"), """
                {"_id": "D1", "title": "Paresthesia", "text": "Tingling and numbness of the hands, often from a compressed nerve."}
                {"_id": "D2", "title": "Sciatica", "text": "Pain running down the leg from the lower back."}
                {"_id": "D3", "title": "", "text": "Heat packs for stiff muscles."}
                """);
        Files.writeString(c.resolve("queries.jsonl"), """
                {"_id": "q1", "text": "why do my hands have pins and needles?"}
                {"_id": "q2", "text": "leg pain from the back"}
                {"_id": "q3", "text": "nothing relevant here"}
                """);
        Files.writeString(c.resolve("qrels/dev.tsv"), "query-id\tcorpus-id\tscore\nq1\tD1\t2\nq2\tD2\t1\nq3\tD3\t0\n");
        Files.writeString(dir.resolve("synonyms.txt"), "pins and needles, paresthesia, tingling\n");
        Path run = dir.resolve("tiny.run");

        var out = new StringWriter();
        int code = Main.newCommandLine(new PrintWriter(out), new PrintWriter(new StringWriter())).execute("eval",
                c.toString(), "--split", "dev", "--synonyms", dir.resolve("synonyms.txt").toString(), "--run",
                run.toString(), "--index", dir.resolve("index").toString());

        assertThat(code).isEqualTo(0);
        String[] lines = out.toString().strip().split("\\R");
        // q3 has no relevant judgment and is left out; q1 and q2 find their document first.
        assertThat(lines[lines.length - 1]).isEqualTo("nDCG@10=1.0000 Recall@100=1.0000 MRR@10=1.0000 queries=2");
        var runLines = Files.readAllLines(run);
        assertThat(runLines).first().asString().startsWith("q1 Q0 D1 1 ").endsWith(" painsearch-bm25");
        assertThat(runLines).anyMatch(l -> l.startsWith("q2 Q0 D2 1 "));
    }

    @Test
    void aFailureEndsWithAClearErrorAndNoFigures() throws Exception {
        Path c = dir.resolve("broken");
        Files.createDirectories(c.resolve("qrels"));
        Files.writeString(c.resolve("corpus.jsonl"), "{\"_id\": \"D1\", \"title\": \"t\", \"text\": \"x\"}\n");
        Files.writeString(c.resolve("queries.jsonl"), "{\"_id\": \"q1\", \"text\": \"x\"}\nnot json\n");
        Files.writeString(c.resolve("qrels/dev.tsv"), "query-id\tcorpus-id\tscore\nq1\tD1\t1\n");
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute("eval", c.toString(),
                "--index", dir.resolve("index").toString(), "--corpus", dir.resolve("corpus").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("queries.jsonl line 2").doesNotContain("Exception");
        assertThat(out.toString()).doesNotContain("nDCG@10");
    }
}
