package org.painsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;

/** axe-core finds no accessibility violation on any page, wide or narrow; and no id is used twice on a page. */
class AxeBrowserTest extends PageFixture {
    static Axe axe;

    /** A page to check: where it is and an element that is there once it has rendered. */
    record Page(String name, String path, String readyCss) {
    }

    static final List<Page> PAGES = List.of(
            new Page("home", "/", "#q"),
            new Page("results", "/?q=massage", "li.hit"),
            new Page("document (podcast at a moment)", "/?q=oxytocin&doc=pod-touch&t=1200", "#backlinks"),
            new Page("note", "/?doc=note-glow", "#mentions ul, #mentions p"),
            new Page("note editor", "/?edit=note-glow", "#note-body"),
            new Page("new note", "/?new=note", "#note-title"),
            new Page("bookmarks", "/?view=bookmarks", "section[data-kind='search']"),
            new Page("graph", "/?view=graph", "#graph .node"),
            new Page("add a source", "/sources.html", "#url"));

    @BeforeAll
    static void loadAxe() throws Exception {
        axe = Axe.installed();
        library.bookmarks().add("doc:massage-endorphins", "Massage and endorphins");
        library.bookmarks().add("search:q=crps", "crps");
    }

    @BeforeEach
    void noDraftsLeftFromAnotherTest() {
        driver.get(base + "/");
        ((JavascriptExecutor) driver).executeScript("localStorage.clear()");
    }

    private Map<String, List<Axe.Violation>> check(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        var found = new LinkedHashMap<String, List<Axe.Violation>>();
        for (Page page : PAGES) {
            driver.get(base + page.path());
            wait.until(d -> !d.findElements(By.cssSelector(page.readyCss())).isEmpty());
            var violations = axe.violations(driver);
            System.out.printf("axe at %d px, %s: %d violation(s) %s%n", width, page.name(), violations.size(), violations);
            found.put(page.name(), violations);
        }
        return found;
    }

    @Test
    void noViolationsOnAnyPageAtDesktopWidth() {
        var found = check(1280, 1000);
        assertThat(found).allSatisfy((page, violations) -> assertThat(violations).as(page).isEmpty());
    }

    @Test
    void noViolationsOnAnyPageAtPhoneWidth() {
        var found = check(390, 844);
        assertThat(found).allSatisfy((page, violations) -> assertThat(violations).as(page).isEmpty());
    }

    @Test
    void noViolationsWithTheSuggestionListsTheFilterPanelOrTheLeaveDialogOpen() {
        var found = new LinkedHashMap<String, List<Axe.Violation>>();
        driver.manage().window().setSize(new Dimension(1280, 1000));
        driver.get(base + "/?new=note");
        wait.until(d -> !d.findElements(By.id("note-body")).isEmpty());
        driver.findElement(By.id("note-body")).sendKeys("See [[mass");
        wait.until(d -> d.findElement(By.id("link-suggestions")).isDisplayed());
        found.put("[[ link suggestions", axe.violations(driver));
        driver.findElement(By.id("nav-graph")).click();
        wait.until(d -> !d.findElements(By.id("leave-dialog")).isEmpty());
        found.put("leave dialog", axe.violations(driver));
        driver.findElement(By.id("leave-go")).click();
        wait.until(d -> !d.findElements(By.id("graph")).isEmpty());

        driver.get(base + "/");
        wait.until(d -> !d.findElements(By.cssSelector("li.hit")).isEmpty());
        driver.findElement(By.id("q")).sendKeys("massa");
        wait.until(d -> d.findElement(By.id("q-suggestions")).isDisplayed());
        found.put("search suggestions", axe.violations(driver));

        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(base + "/?q=massage");
        wait.until(d -> !d.findElements(By.cssSelector("li.hit")).isEmpty());
        driver.findElement(By.id("filters-toggle")).click();
        wait.until(d -> d.findElement(By.id("facets")).isDisplayed());
        found.put("filter panel (390 px)", axe.violations(driver));
        found.forEach((state, v) -> System.out.printf("axe, %s: %d violation(s) %s%n", state, v.size(), v));
        assertThat(found).allSatisfy((state, violations) -> assertThat(violations).as(state).isEmpty());
    }

    private static Object repeatedIds() {
        return ((JavascriptExecutor) driver).executeScript("""
                const seen = {};
                document.querySelectorAll('[id]').forEach(e => seen[e.id] = (seen[e.id] || 0) + 1);
                return Object.keys(seen).filter(k => seen[k] > 1);""");
    }

    @Test
    void noIdIsUsedTwiceOnAnyPage() {
        driver.manage().window().setSize(new Dimension(1280, 1000));
        var repeated = new ArrayList<String>();
        for (Page page : PAGES) {
            driver.get(base + page.path());
            wait.until(d -> !d.findElements(By.cssSelector(page.readyCss())).isEmpty());
            // Typing "[[" in the editor opens the link list, which had an id shared with the search box's list.
            if (!driver.findElements(By.id("note-body")).isEmpty()) {
                driver.findElement(By.id("note-body")).sendKeys(" [[mass");
                wait.until(d -> !d.findElements(By.cssSelector("[role=listbox] [role=option]")).isEmpty());
            }
            Object ids = repeatedIds();
            ((List<?>) ids).forEach(id -> repeated.add(page.name() + ": #" + id));
            // Typed away again, so leaving the page has nothing unsaved to ask about.
            if (!driver.findElements(By.id("note-body")).isEmpty()) {
                driver.findElement(By.id("note-body")).sendKeys(Keys.ESCAPE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE,
                        Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE);
            }
        }
        assertThat(repeated).isEmpty();
    }
}
