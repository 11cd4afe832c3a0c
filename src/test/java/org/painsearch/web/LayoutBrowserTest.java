package org.painsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Phone (390 px), tablet (820 px) and desktop (1280 px): every page is exactly as wide as the screen, the search box,
 * its button and the library's links are all on screen, and the first result shows before any filter.
 */
class LayoutBrowserTest extends PageFixture {
    private static final List<String> PAGES = List.of("/", "/?q=massage", "/?q=oxytocin&doc=pod-touch&t=1200",
            "/?doc=note-glow", "/?new=note", "/?edit=note-glow", "/?view=bookmarks", "/?view=graph");

    private static void size(int width) {
        driver.manage().window().setSize(new Dimension(width, width == 390 ? 844 : width == 820 ? 1180 : 900));
        Object inner = Browser.js(driver, "return window.innerWidth");
        assertThat(((Number) inner).intValue()).isEqualTo(width);
    }

    // The page's width as laid out, the viewport's, and anything sticking out to the right.
    private static Map<?, ?> widths() {
        return (Map<?, ?>) Browser.js(driver, """
                const vw = document.documentElement.clientWidth;
                const out = [...document.querySelectorAll('body *')].filter(e => {
                  const r = e.getBoundingClientRect();
                  return r.width > 0 && r.right > vw + 1 && getComputedStyle(e).position !== 'fixed'
                      && !e.closest('svg, .graph-frame');
                }).slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className);
                return { page: document.documentElement.scrollWidth, viewport: vw, out: out };""");
    }

    // True when the element is laid out entirely inside the viewport's width and on the first screen.
    private static boolean onScreen(String css) {
        return (Boolean) Browser.js(driver, """
                const e = document.querySelector(arguments[0]);
                if (!e) return false;
                const r = e.getBoundingClientRect();
                return r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= document.documentElement.clientWidth
                    && r.top >= 0 && r.bottom <= innerHeight;""", css);
    }

    @ParameterizedTest
    @ValueSource(ints = {390, 820, 1280})
    void everyPageIsAsWideAsTheScreenWithSearchAndTheLibrarysLinksOnScreen(int width) {
        size(width);
        for (String path : PAGES) {
            open(path);
            var w = widths();
            assertThat(w.get("out")).as(path + " at " + width + " px: elements wider than the screen").isEqualTo(List.of());
            assertThat(w.get("page")).as(path + " at " + width + " px: page width").isEqualTo(w.get("viewport"));
            for (String css : List.of("#q", "#search-form button[type=submit]", "#nav-new", "#nav-bookmarks", "#nav-graph",
                    "#nav-sources")) {
                assertThat(onScreen(css)).as(css + " on " + path + " at " + width + " px").isTrue();
            }
        }
        driver.get(base + "/sources.html");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("url")));
        assertThat(widths().get("page")).as("add a source at " + width + " px").isEqualTo(widths().get("viewport"));
        assertThat(onScreen("#url")).isTrue();
        assertThat(onScreen("#source-form button[type=submit]")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {390, 820, 1280})
    void theFirstResultIsOnTheFirstScreenAndNoFilterComesBeforeIt(int width) {
        size(width);
        open("/?q=massage");
        assertThat(onScreen("#hits li.hit h3")).as("first result on the first screen at " + width + " px").isTrue();
        // Filters are beside the results (a column to the left) or out of the way (a panel, closed), never above them.
        Object filtersAbove = Browser.js(driver, """
                const first = document.querySelector('#hits li.hit').getBoundingClientRect();
                return [...document.querySelectorAll('#facets .facet')].some(f => {
                  const r = f.getBoundingClientRect();
                  return r.height > 0 && r.top < first.top && r.right > first.left;
                });""");
        assertThat(filtersAbove).isEqualTo(false);
    }

    @Test
    void onAPhoneTheFiltersOpenInAPanelAndChoosingOneShowsTheResults() {
        size(390);
        open("/?q=massage");
        var toggle = driver.findElement(By.id("filters-toggle"));
        assertThat(toggle.isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("facets")).isDisplayed()).isFalse();
        toggle.click();
        wait.until(d -> d.findElement(By.id("facets")).isDisplayed());
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(onScreen("#facets .facet")).isTrue();
        assertThat(widths().get("page")).isEqualTo(widths().get("viewport"));
        andWaitForRender(() -> driver.findElement(By.cssSelector("#facets button[data-value='note']")).click());
        assertThat(driver.findElement(By.id("facets")).isDisplayed()).isFalse();
        assertThat(Browser.hitIds(driver)).containsExactly("note-glow");
        assertThat(driver.findElement(By.id("filters-toggle")).getText()).isEqualTo("Filters (1)");
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("page-heading");
    }
}
