package org.painsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * With the keyboard alone: a skip link first, results before the filters, focus on the results heading (and the
 * page at the top of the results) after a search, a filter or another page, and arrow keys in the suggestions.
 */
class KeyboardBrowserTest extends PageFixture {
    @BeforeAll
    static void twoPagesOfResults() throws Exception {
        for (int i = 1; i <= 14; i++) {
            addFile("articles/pacing-" + i + ".md", """
                    ---
                    id: pacing-%d
                    title: "Pacing study %d"
                    published: %d-01-01
                    tags: [pacing, topic-%d]
                    ---
                    Pacing activity through the week, report number %d.
                    """.formatted(i, i, 2000 + i, i, i));
        }
    }

    @BeforeEach
    void desktop() {
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    private static WebElement focused() {
        return driver.switchTo().activeElement();
    }

    private static double scrollY() {
        return ((Number) Browser.js(driver, "return window.scrollY")).doubleValue();
    }

    @Test
    void theSkipLinkComesFirstAndLeadsToTheResults() {
        open("/?q=pacing");
        Object first = Browser.js(driver, """
                const tabbable = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
                    .filter(e => e.tabIndex >= 0 && !e.disabled);
                return tabbable[0].id;""");
        assertThat(first).isEqualTo("skip");
        // From the search box (where the page starts), back past the logo: the skip link, shown while focused.
        driver.findElement(By.id("q")).sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        focused().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        assertThat(focused().getAttribute("id")).isEqualTo("skip");
        assertThat(focused().isDisplayed()).isTrue();
        assertThat(((Number) Browser.js(driver, "return document.getElementById('skip').getBoundingClientRect().top"))
                .doubleValue()).isGreaterThanOrEqualTo(0);
        focused().sendKeys(Keys.ENTER);
        wait.until(d -> "page-heading".equals(focused().getAttribute("id")));
    }

    @Test
    void fromTheSearchBoxTheFirstResultComesBeforeAnyFilter() {
        open("/?q=pacing");
        driver.findElement(By.id("q")).click();
        var visited = new ArrayList<String>();
        for (int press = 0; press < 15; press++) {
            focused().sendKeys(Keys.TAB);
            WebElement now = focused();
            String where = now.getAttribute("id") + "|" + now.getAttribute("class") + "|" + now.getText();
            visited.add(where);
            if ("hit-title".equals(now.getAttribute("class"))) {
                break;
            }
        }
        assertThat(visited.get(visited.size() - 1)).as("tab stops: " + visited).contains("hit-title");
        assertThat(visited).as("tab stops before the first result").noneMatch(v -> v.contains("facet"));
        assertThat(visited.size()).isLessThanOrEqualTo(12);
    }

    @Test
    void afterASearchAFilterOrAnotherPageFocusIsOnTheResultsHeadingAtTheTop() {
        open("/");
        var box = driver.findElement(By.id("q"));
        box.sendKeys("pacing");
        andWaitForRender(() -> box.sendKeys(Keys.ENTER));
        assertThat(focused().getAttribute("id")).isEqualTo("page-heading");
        assertThat(focused().getText()).isEqualTo("Results for “pacing”");

        // Page 2, asked for from the bottom of page 1, opens at its top.
        Browser.js(driver, "window.scrollTo(0, document.body.scrollHeight)");
        var page2 = driver.findElement(By.cssSelector("#pager button[aria-label='Page 2']"));
        andWaitForRender(page2::click);
        assertThat(driver.getCurrentUrl()).contains("page=2");
        assertThat(focused().getAttribute("id")).isEqualTo("page-heading");
        assertThat(scrollY()).isZero();
        assertThat(Browser.hitIds(driver)).hasSize(4);

        Browser.js(driver, "window.scrollTo(0, document.body.scrollHeight)");
        var filter = driver.findElement(By.cssSelector("#facets button[data-value='topic-3']"));
        filter.sendKeys(Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().contains("tag=topic-3"));
        wait.until(d -> Browser.hitIds(d).equals(java.util.List.of("pacing-3")));
        assertThat(focused().getAttribute("id")).isEqualTo("page-heading");
        assertThat(scrollY()).isZero();
    }

    @Test
    void theArrowKeysMoveThroughSuggestionsAndEnterSearchesTheOneChosen() {
        open("/");
        var box = driver.findElement(By.id("q"));
        box.sendKeys("massa");
        wait.until(d -> d.findElement(By.id("q-suggestions")).isDisplayed());
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(box.getAttribute("aria-activedescendant")).as("nothing chosen before an arrow key").isNull();

        box.sendKeys(Keys.ARROW_DOWN);
        String first = box.getAttribute("aria-activedescendant");
        assertThat(driver.findElement(By.id(first)).getAttribute("aria-selected")).isEqualTo("true");
        box.sendKeys(Keys.ARROW_DOWN);
        String second = box.getAttribute("aria-activedescendant");
        assertThat(second).isNotEqualTo(first);
        assertThat(driver.findElement(By.id(first)).getAttribute("aria-selected")).isEqualTo("false");
        box.sendKeys(Keys.ARROW_UP);
        assertThat(box.getAttribute("aria-activedescendant")).isEqualTo(first);
        // The option's text without its kind ("title", "tag", "phrase").
        String chosen = (String) Browser.js(driver, "return document.getElementById(arguments[0]).firstChild.textContent", first);

        andWaitForRender(() -> box.sendKeys(Keys.ENTER));
        assertThat(driver.findElement(By.id("q")).getDomProperty("value")).isEqualTo(chosen);
        assertThat(driver.findElement(By.id("page-heading")).getText()).isEqualTo("Results for “" + chosen + "”");
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
    }
}
