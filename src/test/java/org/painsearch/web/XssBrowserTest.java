package org.painsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.painsearch.corpus.DocType;
import org.painsearch.corpus.Document;
import org.painsearch.notes.NoteDraft;

/**
 * Documents, notes, bookmarks and the graph carrying script, event-handler, javascript: and SVG payloads, shown in
 * real Chromium: no payload runs (a flag it would set stays unset, no alert opens, the CSP reports nothing it had to
 * block) and none of them reaches the page as live markup.
 */
class XssBrowserTest extends PageFixture {
    // Each payload, if it ever ran, would set window.__pwned; several also try alert().
    private static final String RUN = "window.__pwned=1;alert(1)";
    private static final List<String> PAYLOADS = List.of(
            "<script>" + RUN + "</script>",
            "<img src=x onerror=\"" + RUN + "\">",
            "<svg onload=\"" + RUN + "\"><script>" + RUN + "</script></svg>",
            "<svg><a xlink:href=\"javascript:" + RUN + "\"><text>svg link</text></a></svg>",
            "\"><img src=x onerror=" + RUN + ">",
            "<a href=\"javascript:" + RUN + "\">plain link</a>",
            "[markdown link](javascript:" + RUN + ")",
            "![markdown image](javascript:" + RUN + ")",
            "<iframe srcdoc=\"<script>parent." + RUN + "</script>\"></iframe>",
            "<math><mtext><table><mglyph><style><img src=x onerror=" + RUN + ">",
            "<details open ontoggle=\"" + RUN + "\">",
            "<form action=\"javascript:" + RUN + "\"><button>go</button></form>",
            "[[javascript:" + RUN + "]]",
            "<object data=\"data:text/html,<script>" + RUN + "</script>\"></object>");
    private static final String ALL = String.join("\n\n", PAYLOADS);
    private static final String ARTICLE = "xss-article";
    private static String noteId;

    @BeforeAll
    static void addPayloads() throws Exception {
        var article = new Document(ARTICLE, DocType.ARTICLE, "Hostile page <img src=x onerror=" + RUN + "> pain",
                "javascript:" + RUN, List.of("<svg onload=" + RUN + ">"), LocalDate.of(2020, 1, 1),
                "\"><script>" + RUN + "</script>", List.of("xss", "<b onmouseover=" + RUN + ">tag"), null, null, null,
                "Hostile pain page.\n\n" + ALL, List.of(), null);
        library.syncFile(library.corpus().write(article, null, null).path());
        var podcast = new Document("xss-podcast", DocType.PODCAST, "Hostile <svg onload=" + RUN + "> episode", null,
                List.of(), LocalDate.of(2021, 1, 1), null, List.of("xss"), null, null,
                new Document.PodcastInfo("<script>" + RUN + "</script>", "1", "javascript:" + RUN, "00:10:00"),
                "Hostile pain episode.\n\n- 00:01:00 <img src=x onerror=" + RUN + "> segment\n", List.of(), null);
        library.syncFile(library.corpus().write(podcast, null, null).path());
        noteId = library.createNote(new NoteDraft("Hostile note <script>" + RUN + "</script> pain",
                "See [[" + ARTICLE + "]] and [[xss-podcast#t=00:01:00]].\n\n" + ALL,
                List.of("xss", "<svg onload=" + RUN + ">"), false)).id();
        library.bookmarks().add("doc:" + ARTICLE, "<img src=x onerror=" + RUN + ">");
        library.bookmarks().add("note:" + noteId, "<svg onload=" + RUN + ">");
        library.bookmarks().add("search:q=<script>" + RUN + "</script>", "\"><script>" + RUN + "</script>");
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    // Before any page script: record CSP refusals (an injected inline script or handler would cause one).
    private static void watchForViolations() {
        ((ChromeDriver) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.__violations = []; document.addEventListener('securitypolicyviolation', "
                        + "e => window.__violations.push(e.violatedDirective + ' ' + (e.sample || e.blockedURI)));"));
    }

    /** Nothing ran, nothing was blocked, and the page holds no live markup from the payloads. */
    private static void assertNothingRan(String where) {
        assertThat(js("return window.__pwned === undefined")).as(where + ": a payload ran").isEqualTo(true);
        assertThat((List<?>) js("return window.__violations || []")).as(where + ": CSP had to block").isEmpty();
        Object bad = js("""
                const bad = [];
                for (const e of document.querySelectorAll('*')) {
                  for (const a of e.attributes) {
                    const n = a.name.toLowerCase(), v = (a.value || '').trim().toLowerCase();
                    if (n.startsWith('on')) bad.push(e.tagName + '[' + n + ']');
                    if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'].includes(n)
                        && (v.startsWith('javascript:') || v.startsWith('data:text/html') || n === 'srcdoc'))
                      bad.push(e.tagName + '[' + n + '=' + v + ']');
                  }
                  const tag = e.tagName.toLowerCase();
                  if (['iframe', 'object', 'embed', 'frame', 'math'].includes(tag)) bad.push(tag);
                  if (tag === 'script' && !e.src) bad.push('inline script');
                  // The page's own images are served by painsearch (a path); a payload's image points anywhere else.
                  if (tag === 'img' && !(e.getAttribute('src') || '').startsWith('/')) bad.push('img');
                }
                return bad;""");
        assertThat((List<?>) bad).as(where + ": live markup from a payload").isEmpty();
    }

    private static void open(String path, By ready) {
        driver.get(base + path);
        wait.until(ExpectedConditions.presenceOfElementLocated(ready));
        assertNothingRan(path);
    }

    @Test
    void noPayloadRunsInAnyView() {
        watchForViolations();
        open("/?q=hostile", By.cssSelector("li.hit[data-id='" + ARTICLE + "']"));
        assertThat(Browser.hitIds(driver)).contains(ARTICLE, "xss-podcast", noteId);
        open("/?doc=" + ARTICLE, By.cssSelector("#view h1"));
        assertThat(driver.findElement(By.cssSelector("#view h1")).getText()).contains("<img src=x onerror=");
        open("/?doc=xss-podcast&t=60", By.cssSelector("#view h1"));
        open("/?doc=" + noteId, By.cssSelector("#view h1"));
        assertThat(driver.findElement(By.cssSelector("#view")).getText()).contains("<script>");
        open("/?edit=" + noteId, By.id("note-body"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"), "plain link"));
        assertNothingRan("editor preview");
        open("/?view=bookmarks", By.cssSelector("section[data-kind='note']"));
        // A bookmarked note shows under its title (itself a payload), as text.
        assertThat(driver.findElement(By.id("view")).getText()).contains("Hostile note <script>");
        open("/?view=graph", By.cssSelector("#graph .node[data-id='" + noteId + "']"));
        // Nodes may overlap in the layout; the node's own click handler is what matters here.
        js("document.querySelector(\"#graph .node[data-id='" + ARTICLE + "']\").dispatchEvent("
                + "new MouseEvent('click', {bubbles: true}))");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#view h1"), "Hostile page"));
        assertNothingRan("graph, then a click on a node");
        for (var link : driver.findElements(By.cssSelector("#view a"))) {
            assertThat(link.getDomAttribute("href")).as(link.getText()).doesNotStartWithIgnoringCase("javascript:");
        }
        driver.get(base + "/");
        driver.findElement(By.id("q")).sendKeys("hostile");
        wait.until(d -> (Long) js("return document.querySelectorAll('#q-suggestions [role=option]').length") > 0);
        assertNothingRan("autocomplete");
    }
}
