package org.painsearch.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.Repository;
import org.painsearch.Required;
import org.painsearch.app.Library;
import org.painsearch.engine.EngineConfig;
import org.painsearch.engine.RankingMode;

/** MED's dev split (../shared/eval/med) through the app's BM25 ranking stays near bare Lucene's figure. */
@Tag(Repository.TAG)
class SharedCollectionsTest {

    @TempDir
    Path dir;

    @Test
    void medDevStaysNearBareLucene() throws Exception {
        Path med = shared("eval/med");
        var c = BeirCollection.load(med, "dev");
        var bundled = Repository.bundledCorpus(dir.resolve("bundled"));
        var result = Evaluation.run(c, EngineConfig.of(dir.resolve("index"), bundled, RankingMode.BM25), null,
                Library.Progress.NONE);
        assertThat(result.queries()).isEqualTo(30);
        // Bare Lucene (EnglishAnalyzer, one field): nDCG@10 0.6895; painsearch BM25 0.6826, hybrid 0.80.
        assertThat(result.mean().ndcg10()).as(result.mean().line(30)).isGreaterThanOrEqualTo(0.675);
    }

    private static Path shared(String sub) {
        return Required.shared(sub, "the evaluation collection");
    }
}
