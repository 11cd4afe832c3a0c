package org.painsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/** Years newest first and every one reachable (all of them, or a range); each list in the order the server sends. */
class FacetBrowserTest extends PageFixture {
    // Twelve more years besides the fixture's 1965, 2010, 2013, 2019, 2023 and 2024.
    private static final List<Integer> MORE_YEARS = List.of(1971, 1980, 1988, 1994, 1999, 2001, 2004, 2006, 2008, 2015,
            2017, 2021);

    @BeforeAll
    static void manyYears() throws Exception {
        for (int year : MORE_YEARS) {
            addFile("articles/study-" + year + ".md", """
                    ---
                    id: study-%d
                    title: "A study from %d"
                    published: %d-06-01
                    tags: [history]
                    ---
                    Findings on pain published in %d.
                    """.formatted(year, year, year, year));
        }
    }

    @BeforeEach
    void desktop() {
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    private static List<String> values(String dim) {
        return driver.findElements(By.cssSelector("#facets ul[data-facet='" + dim + "'] button.facet")).stream()
                .map(b -> b.getAttribute("data-value")).toList();
    }

    @Test
    void yearsComeNewestFirstAndShowingAllReachesEveryYear() {
        open("/");
        List<String> shown = values("year");
        assertThat(shown.get(0)).isEqualTo("2024");
        assertThat(shown).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        var all = driver.findElement(By.cssSelector("#facets button[data-more='year']"));
        assertThat(all.getText()).isEqualTo("Show all 18 years");
        all.click();
        List<String> every = values("year");
        List<String> expected = IntStream.concat(MORE_YEARS.stream().mapToInt(Integer::intValue),
                IntStream.of(1965, 2010, 2013, 2019, 2023, 2024)).boxed().sorted(java.util.Comparator.reverseOrder())
                .map(String::valueOf).toList();
        assertThat(every).containsExactlyElementsOf(expected);

        andWaitForRender(() -> driver.findElement(By.cssSelector("#facets button[data-value='1971']")).click());
        assertThat(Browser.hitIds(driver)).containsExactly("study-1971");
        assertThat(driver.findElement(By.cssSelector("#facets button[data-value='1971']")).getAttribute("aria-pressed"))
                .isEqualTo("true");
    }

    @Test
    void aRangeOfYearsFiltersToThoseYears() {
        open("/");
        driver.findElement(By.id("year-from")).sendKeys("2015");
        driver.findElement(By.id("year-to")).sendKeys("2019");
        andWaitForRender(() -> driver.findElement(By.cssSelector("#year-range button[type=submit]")).click());
        assertThat(driver.getCurrentUrl()).contains("year=2015..2019");
        assertThat(Browser.hitIds(driver)).containsExactlyInAnyOrder("study-2015", "study-2017", "massage-endorphins");
        assertThat(driver.findElement(By.id("active-filters")).getText()).contains("year: 2015..2019");
    }

    @Test
    void everyListKeepsTheServersOrder() throws Exception {
        open("/");
        var answer = tools.jackson.databind.json.JsonMapper.builder().build().readTree(
                java.net.URI.create(base + "/api/search?size=10").toURL().openStream());
        for (String dim : List.of("type", "tag", "source")) {
            List<String> server = new java.util.ArrayList<>();
            answer.path("facets").path(dim).forEach(f -> server.add(f.path("value").asString()));
            List<String> page = values(dim);
            assertThat(server.subList(0, page.size())).as(dim).containsExactlyElementsOf(page);
        }
        List<WebElement> types = driver.findElements(By.cssSelector("#facets ul[data-facet='type'] .count"));
        assertThat(types.get(0).getText()).isEqualTo("16");
    }
}
