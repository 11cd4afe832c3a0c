package org.painsearch.eval;

import org.painsearch.Libraries;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.Repository;
import org.painsearch.app.Library;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.index.IndexService;
import org.painsearch.engine.RankingMode;
import org.painsearch.engine.SearchRequest;
import org.painsearch.engine.SortOrder;

/**
 * Therapist-style questions over the bundled corpus, judged by reading it (src/test/resources/judged): a ranking
 * change that loses the documents she means fails the build.
 */
@Tag(Repository.TAG)
class JudgedSetTest {
    // Measured when the set was written (nDCG@10 0.7782, Recall@100 1.0, MRR@10 0.8750 with BM25); the floors leave
    // room for small shifts, not for losing documents.
    private static final double NDCG_FLOOR = 0.72;
    private static final double MRR_FLOOR = 0.80;

    @TempDir
    static Path dir;
    static Library library;
    static Path judged;

    @BeforeAll
    static void index() throws Exception {
        judged = Repository.root().resolve("src/test/resources/judged");
        library = Libraries.open(new CorpusStore(Repository.bundledCorpus(dir)), IndexService.openWritable(dir.resolve("index")));
        library.rebuild(Library.Progress.NONE);
    }

    @AfterAll
    static void close() throws Exception {
        library.close();
    }

    @Test
    void atLeastTwentyFiveJudgedQuestions() throws Exception {
        var qrels = BeirCollection.readQrels(judged.resolve("qrels/test.tsv"));
        assertThat(qrels).hasSizeGreaterThanOrEqualTo(25);
        assertThat(qrels.values()).allMatch(Measures::judged);
    }

    @Test
    void bm25RankingStaysAboveTheFloor() throws Exception {
        var mean = evaluate();
        assertThat(mean.ndcg10()).as(mean.line(0)).isGreaterThanOrEqualTo(NDCG_FLOOR);
        assertThat(mean.mrr10()).as(mean.line(0)).isGreaterThanOrEqualTo(MRR_FLOOR);
        assertThat(mean.recall100()).as(mean.line(0)).isEqualTo(1.0);
    }

    private static Measures.Scores evaluate() throws Exception {
        var qrels = BeirCollection.readQrels(judged.resolve("qrels/test.tsv"));
        var queries = new java.util.LinkedHashMap<String, String>();
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        for (String line : java.nio.file.Files.readAllLines(judged.resolve("queries.jsonl"))) {
            var node = json.readTree(line);
            queries.put(node.path("_id").asString(), node.path("text").asString());
        }
        var scores = new ArrayList<Measures.Scores>();
        for (var q : queries.entrySet()) {
            var req = new SearchRequest(q.getValue(), List.of(), List.of(), List.of(), null, SortOrder.RELEVANCE, 1,
                    Evaluation.DEPTH, RankingMode.BM25, false);
            var ids = library.engine().rank(req).stream().map(r -> r.id()).toList();
            scores.add(Measures.of(ids, qrels.getOrDefault(q.getKey(), Map.of())));
        }
        return Measures.mean(scores);
    }
}
