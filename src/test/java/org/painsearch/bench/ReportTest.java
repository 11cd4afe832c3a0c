package org.painsearch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ReportTest {
    private static final Report REPORT = new Report(new CorpusGenerator.Written(92_000, 4_000, 4_000, 181_500_000L),
            CorpusGenerator.SEED, 2, 2, "2026-12-01T07:00:00Z", 1_130.4, new LoadAverage(1.5, 4.25, 2.0), List.of(
            new Figure("reindex", "BM25 reindex", "docs/s", List.of(1_700.0, 1_800.0), List.of(4_000.0, 4_600.0),
                    "Lucene IndexWriter loop", "the child's whole life"),
            new Figure("search", "short queries p99", "ms", List.of(42.5), List.of(5.0), "Lucene top 10", null),
            Figure.alone("vectors", "vectorize 10,000 documents", "s", List.of(612.0), "from an empty cache")),
            List.of("heap 512 MB: the server at http://127.0.0.1:1234 stopped answering after a load run"));

    @Test
    void theTableHasOneRowPerFigureWithMediansRatiosNumberedNotesAndWhatWasNotMeasured() {
        assertThat(REPORT.table()).isEqualTo("""
                painsearch bench: 100,000 documents (92,000 articles, 4,000 podcasts, 4,000 notes; 182 MB), seed 20240917, 2 cores, 2 round(s), started 2026-12-01T07:00:00Z
                load average (1 min): 1.50 at the start, 4.25 at most, 2.00 at the end; wall time 18 min 50 s

                | figure | painsearch | bare | ratio | bare is |
                | --- | --- | --- | --- | --- |
                | reindex: BM25 reindex (docs/s) [1] | 1,750 | 4,300 | 0.41x | Lucene IndexWriter loop |
                | search: short queries p99 (ms) | 42.5 | 5.00 | 8.50x | Lucene top 10 |
                | vectors: vectorize 10,000 documents (s) [2] | 612 | — | — | — |

                [1] the child's whole life
                [2] from an empty cache

                Not measured:
                - heap 512 MB: the server at http://127.0.0.1:1234 stopped answering after a load run
                """);
    }

    @Test
    void theJsonHasTheRunAndEveryFigureWithItsRounds() {
        var json = JsonMapper.builder().build().readTree(REPORT.json());
        assertThat(json.path("documents").asInt()).isEqualTo(100_000);
        assertThat(json.path("corpus").path("podcasts").asInt()).isEqualTo(4_000);
        assertThat(json.path("loadAverage1m").path("max").asDouble()).isEqualTo(4.25);
        assertThat(json.path("wallSeconds").asDouble()).isEqualTo(1_130.4);
        var reindex = json.path("figures").get(0);
        assertThat(reindex.path("painsearch").asDouble()).isEqualTo(1_750.0);
        assertThat(reindex.path("bare").asDouble()).isEqualTo(4_300.0);
        assertThat(reindex.path("ratio").asDouble()).isCloseTo(1_750.0 / 4_300.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(reindex.path("painsearchRounds").toString()).isEqualTo("[1700.0,1800.0]");
        var alone = json.path("figures").get(2);
        assertThat(alone.path("bare").isNull()).isTrue();
        assertThat(alone.path("ratio").isNull()).isTrue();
        assertThat(alone.path("note").asString()).isEqualTo("from an empty cache");
        assertThat(json.path("problems").get(0).asString()).startsWith("heap 512 MB: the server");
    }

    @Test
    void aFigureNeedsBareValuesAndABaselineTogether() {
        assertThatThrownBy(() -> new Figure("search", "p50", "ms", List.of(1.0), List.of(2.0), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both bare values and a baseline");
        assertThatThrownBy(() -> new Figure("search", "p50", "ms", List.of(), List.of(), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no painsearch value");
        assertThat(new Figure("x", "y", "z", List.of(3.0), List.of(0.0), "zero", null).ratio()).isNull();
    }

    @Test
    void percentilesAreNearestRank() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (100 - i) * 1_000_000L; // 100 ms down to 1 ms, unsorted on purpose
        }
        var l = Latencies.ofNanos(nanos);
        assertThat(l.count()).isEqualTo(100);
        assertThat(l.p50Ms()).isEqualTo(50.0);
        assertThat(l.p99Ms()).isEqualTo(99.0);
        assertThat(Latencies.ofNanos(new long[] {7_000_000L}).p99Ms()).isEqualTo(7.0);
        assertThatThrownBy(() -> Latencies.ofNanos(new long[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWrkScriptCyclesThroughEncodedPathsAndPrintsOneJsonSummary() {
        String lua = Wrk.script(List.of("/api/search?q=crps", "/health"));
        assertThat(lua).contains("[[/api/search?q=crps]]", "[[/health]]", "function done(", "WRK_JSON ");
        assertThatThrownBy(() -> Wrk.script(List.of("/x]]y"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Wrk.script(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
