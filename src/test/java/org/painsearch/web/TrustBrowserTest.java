package org.painsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The small things that make the page trustworthy: bookmarks remembered, titles not ids, a header and one level-one
 * heading on every page, meaning-only results labelled as such, and server work shown while it runs.
 */
class TrustBrowserTest extends PageFixture {
    @BeforeEach
    void desktop() {
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    // Runs `script` in every page loaded from now on, before the page's own scripts (to stand in for a server answer).
    private static String beforePageScripts(String script) {
        var answer = ((ChromeDriver) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
        return (String) answer.get("identifier");
    }

    private static void removePageScript(String id) {
        ((ChromeDriver) driver).executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", id));
    }

    @Test
    void theBookmarkButtonShowsWhatTheServerKnowsAfterAReload() {
        open("/?doc=massage-endorphins");
        var button = driver.findElement(By.cssSelector("#view button.bookmark"));
        assertThat(button.getAttribute("aria-pressed")).isEqualTo("false");
        button.click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#view button.bookmark"), "★ Bookmarked"));

        open("/?doc=massage-endorphins");
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#view button.bookmark"), "aria-pressed", "true"));
        assertThat(driver.findElement(By.cssSelector("#view button.bookmark")).getText()).isEqualTo("★ Bookmarked");

        // Pressed again, it takes the bookmark away.
        driver.findElement(By.cssSelector("#view button.bookmark")).click();
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#view button.bookmark"), "aria-pressed", "false"));
        open("/?view=bookmarks");
        assertThat(driver.findElement(By.cssSelector("section[data-kind='doc']")).getText()).contains("None yet.");
    }

    @Test
    void citingSentencesAndSnippetsShowTitlesNotIds() {
        open("/?doc=massage-endorphins");
        String citing = driver.findElement(By.cssSelector("#backlinks blockquote.context")).getText();
        assertThat(citing).contains("“Massage and endorphins”").doesNotContain("massage-endorphins");
        open("/?type=note&q=blood");
        String snippets = driver.findElement(By.cssSelector("li.hit[data-id='note-glow'] .snippets")).getText();
        assertThat(snippets).contains("“Massage and endorphins”").doesNotContain("massage-endorphins");
    }

    @Test
    void everyPageHasTheHeaderOneLevelOneHeadingAndTheIcon() {
        for (String path : List.of("/", "/?q=massage", "/?doc=pod-touch", "/?new=note", "/?view=bookmarks", "/?view=graph")) {
            open(path);
            assertThat(driver.findElements(By.tagName("h1")).stream().filter(WebElement::isDisplayed)).as(path).hasSize(1);
            // "Log out" is there too, hidden unless a password protects this painsearch.
            assertThat(driver.findElements(By.cssSelector("header nav a")).stream().filter(WebElement::isDisplayed))
                    .as(path).hasSize(4);
            assertThat(driver.findElement(By.cssSelector("link[rel=icon]")).getAttribute("href")).endsWith("/favicon.svg");
        }
        driver.get(base + "/sources.html");
        assertThat(driver.findElements(By.tagName("h1"))).extracting(WebElement::getText).containsExactly("Add a source");
        assertThat(driver.findElement(By.cssSelector("header nav a[aria-current=page]")).getText()).isEqualTo("Add a source");
        driver.findElement(By.linkText("← Back to search")).click();
        wait.until(d -> Browser.renderCount(d) > 0);
        assertThat(driver.getCurrentUrl()).isEqualTo(base + "/");
    }

    @Test
    void resultsMatchedOnlyByMeaningComeAfterTheWordMatchesUnderTheirOwnHeading() {
        // Until the server says how each hit matched, a stand-in marks the last hit of a search as meaning-only.
        String stub = beforePageScripts("""
                const realFetch = window.fetch;
                window.fetch = async (url, init) => {
                  const res = await realFetch(url, init);
                  if (!String(url).startsWith('/api/search')) return res;
                  const body = await res.json();
                  body.hits.forEach((h, i) => h.matchedBy = i === body.hits.length - 1 ? ['meaning'] : ['words', 'meaning']);
                  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
                };""");
        try {
            open("/?q=massage");
            var heading = driver.findElement(By.id("meaning-heading"));
            assertThat(heading.isDisplayed()).isTrue();
            assertThat(heading.getText()).isEqualTo("Close in meaning, without your words");
            List<String> words = driver.findElements(By.cssSelector("#results li.hit")).stream()
                    .map(e -> e.getAttribute("data-id")).toList();
            List<String> meaning = driver.findElements(By.cssSelector("#results-meaning li.hit")).stream()
                    .map(e -> e.getAttribute("data-id")).toList();
            assertThat(meaning).hasSize(1);
            assertThat(words).isNotEmpty().doesNotContainAnyElementsOf(meaning);
            Object after = Browser.js(driver, """
                    const last = [...document.querySelectorAll('#results li.hit')].pop();
                    return !!(last.compareDocumentPosition(document.getElementById('meaning-heading')) & Node.DOCUMENT_POSITION_FOLLOWING);""");
            assertThat(after).isEqualTo(true);
        } finally {
            removePageScript(stub);
        }
        // Without matchedBy (today's server), everything is a word match.
        open("/?q=massage");
        assertThat(driver.findElement(By.id("meaning-heading")).isDisplayed()).isFalse();
    }

    @Test
    void workRunningOnTheServerShowsAsAProgressLineThatGoesAwayWhenDone() {
        // The server's /api/status, stood in for: one task for two answers, then nothing.
        String stub = beforePageScripts("""
                const realFetch = window.fetch;
                let asked = 0;
                window.fetch = async (url, init) => {
                  if (String(url) !== '/api/status') return realFetch(url, init);
                  asked++;
                  const tasks = asked <= 2 ? [{ id: 'vectors', label: 'Computing meaning vectors', done: 120 * asked, total: 4000 }] : [];
                  return new Response(JSON.stringify({ tasks }), { status: 200, headers: { 'Content-Type': 'application/json' } });
                };""");
        try {
            open("/");
            wait.until(ExpectedConditions.textToBe(By.cssSelector("#progress [data-task='vectors']"),
                    "Computing meaning vectors: 120 of 4,000"));
            wait.until(ExpectedConditions.textToBe(By.cssSelector("#progress [data-task='vectors']"),
                    "Computing meaning vectors: 240 of 4,000"));
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("progress")));
        } finally {
            removePageScript(stub);
        }
        // This server has no /api/status (404): no line, and the page works as ever.
        open("/?q=massage");
        assertThat(driver.findElement(By.id("progress")).isDisplayed()).isFalse();
        assertThat(Browser.hitIds(driver)).isNotEmpty();
    }
}
