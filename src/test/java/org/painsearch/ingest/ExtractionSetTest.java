package org.painsearch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.painsearch.Required;

/**
 * The extractor on the public extraction set in {@code ../shared/extraction} (591 pages from five datasets, read in
 * place): main-text F1 must stay at or above the floors the project set itself, and a page judged to be an article
 * must not come out with less than a third of its true text. Required under CI; skipped with a message elsewhere.
 */
class ExtractionSetTest {
    private static final double FLOOR_OVERALL = 0.95;
    private static final double FLOOR_DATASET = 0.93;
    // CleanEval's truth keeps everything that is not boilerplate, readers' comments included, which painsearch drops.
    private static final double FLOOR_CLEANEVAL = 0.90;
    private static final double THIRD = 1.0 / 3;
    // Measured: four pages, whose truth holds what painsearch leaves out on purpose (see the report in the test log).
    private static final int MOST_SHORT_PAGES = 4;

    @Test
    void mainTextMeetsTheFloorsOnEveryDataset() throws IOException {
        Path set = Required.shared("extraction", "the extraction set");
        List<ExtractionSet.Page> pages = ExtractionSet.load(set);
        assertThat(pages).hasSizeGreaterThan(500);

        List<Result> results = pages.parallelStream().map(ExtractionSetTest::run).toList();
        List<ExtractionSet.PageScore> scores = results.stream().map(Result::score).toList();
        Map<String, ExtractionSet.Score> byDataset = new TreeMap<>(scores.stream()
                .collect(Collectors.groupingBy(ExtractionSet.PageScore::dataset,
                        Collectors.collectingAndThen(Collectors.toList(), ExtractionSet.Score::of))));
        ExtractionSet.Score all = ExtractionSet.Score.of(scores);
        byDataset.forEach((name, s) -> System.out.printf("%-16s pages=%d P=%.3f R=%.3f F1=%.3f%n", name, s.pages(),
                s.precision(), s.recall(), s.f1()));
        System.out.printf("%-16s pages=%d P=%.3f R=%.3f F1=%.3f%n", "all", all.pages(), all.precision(), all.recall(),
                all.f1());
        List<String> short_ = results.stream()
                .filter(r -> r.article() && !r.score().empty() && r.score().recall() < THIRD)
                .map(r -> r.score().name() + String.format(" (recall %.2f)", r.score().recall())).toList();
        System.out.println("articles with less than a third of the true text: " + short_);

        assertThat(all.f1()).as("F1 over the whole set").isGreaterThanOrEqualTo(FLOOR_OVERALL);
        byDataset.forEach((name, s) -> assertThat(s.f1()).as("F1 on %s", name)
                .isGreaterThanOrEqualTo(name.equals("cleaneval") ? FLOOR_CLEANEVAL : FLOOR_DATASET));
        assertThat(short_).as("pages reported as articles with less than a third of their text")
                .hasSizeLessThanOrEqualTo(MOST_SHORT_PAGES);
    }

    private record Result(ExtractionSet.PageScore score, boolean article) {
    }

    private static Result run(ExtractionSet.Page page) {
        try {
            Extracted x = HtmlExtractor.extract(page.html(), page.url());
            boolean article = x.kind() instanceof PageKind.Article;
            return new Result(ExtractionSet.score(page, article ? x.markdown() : ""), article);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
