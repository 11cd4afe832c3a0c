package org.painsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;

/**
 * The graph can be read: no two labels overlap, every label is inside the frame, colours have a legend, it zooms and
 * pans, every node is a link the keyboard reaches (no role=img around them), and the same links come as a list.
 */
class GraphBrowserTest extends PageFixture {
    @BeforeAll
    static void manyNotes() throws Exception {
        // Enough notes with long titles, all citing the same few sources, to crowd a naive layout.
        for (int i = 1; i <= 24; i++) {
            addFile("notes/note-crowd-" + i + ".md", """
                    ---
                    id: note-crowd-%d
                    title: "Session notes for client %d: what changed after the third treatment"
                    created: 2024-03-%02d
                    tags: [clients]
                    ---
                    See [[massage-endorphins]], [[gate-control]] and [[pod-touch#t=00:12:30]].
                    """.formatted(i, i, i));
        }
    }

    @Test
    void labelsNeverOverlapAndStayInsideTheFrame() {
        driver.manage().window().setSize(new Dimension(1280, 900));
        open("/?view=graph");
        var geometry = (Map<?, ?>) Browser.js(driver, """
                const svg = document.getElementById('graph');
                const vb = svg.viewBox.baseVal;
                const boxes = [...svg.querySelectorAll('.node text')].map(t => t.getBBox());
                let overlaps = 0, outside = 0;
                for (let i = 0; i < boxes.length; i++) {
                  const a = boxes[i];
                  if (a.x < vb.x || a.y < vb.y || a.x + a.width > vb.x + vb.width || a.y + a.height > vb.y + vb.height) outside++;
                  for (let j = i + 1; j < boxes.length; j++) {
                    const b = boxes[j];
                    if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) overlaps++;
                  }
                }
                return { labels: boxes.length, overlaps, outside };""");
        assertThat(((Number) geometry.get("labels")).intValue()).isEqualTo(24 + 1 + 3);
        assertThat(((Number) geometry.get("overlaps")).intValue()).as("overlapping label pairs").isZero();
        assertThat(((Number) geometry.get("outside")).intValue()).as("labels cut at the frame's edge").isZero();

        assertThat(driver.findElement(By.cssSelector(".legend")).getText()).contains("your notes").contains("articles")
                .contains("podcast episodes");
    }

    @Test
    void nodesAreLinksTheKeyboardReachesOutsideAnyImageAndTheListHasTheSameLinks() {
        driver.manage().window().setSize(new Dimension(1280, 900));
        open("/?view=graph");
        Object inImage = Browser.js(driver, "return !!document.querySelector('[role=img] .node, [role=img] a')");
        assertThat(inImage).isEqualTo(false);
        var nodes = driver.findElements(By.cssSelector("#graph a.node"));
        assertThat(nodes).hasSize(28);
        assertThat(nodes).allSatisfy(n -> assertThat(n.getDomAttribute("aria-label")).isNotBlank());
        assertThat(nodes).allSatisfy(n -> assertThat(n.getDomAttribute("href")).startsWith("/?doc="));

        long edges = driver.findElements(By.cssSelector("#graph line.edge")).size();
        driver.findElement(By.cssSelector("#graph-list summary")).click();
        long listed = driver.findElements(By.cssSelector("#graph-list > ul > li > ul > li")).size();
        assertThat(listed).isEqualTo(edges).isEqualTo(24 * 3 + 2);

        // Zoom changes what is shown; Fit shows it all again.
        String whole = driver.findElement(By.id("graph")).getDomAttribute("viewBox");
        assertThat(whole).startsWith("0 0 960 ");
        driver.findElement(By.id("zoom-in")).click();
        assertThat(driver.findElement(By.id("graph")).getDomAttribute("viewBox")).isNotEqualTo(whole);
        driver.findElement(By.id("zoom-reset")).click();
        assertThat(driver.findElement(By.id("graph")).getDomAttribute("viewBox")).isEqualTo(whole);

        // Tab reaches a node; Enter opens it.
        driver.findElement(By.id("zoom-reset")).sendKeys(Keys.TAB);
        var focused = driver.switchTo().activeElement();
        assertThat(focused.getDomAttribute("class"))
                .as((String) Browser.js(driver, "return document.activeElement.outerHTML.slice(0, 200)")).isEqualTo("node");
        String title = focused.getDomAttribute("aria-label").replaceAll(" \\((note|article|podcast)\\)$", "");
        andWaitForRender(() -> driver.switchTo().activeElement().sendKeys(Keys.ENTER));
        assertThat(driver.findElement(By.cssSelector("#view h1")).getText()).isEqualTo(title);
    }

    @Test
    void onAPhoneTheGraphOpensAtReadingSize() {
        driver.manage().window().setSize(new Dimension(390, 844));
        open("/?view=graph");
        // Labels are drawn at 11 units; on screen they must stay at least 10 px tall.
        Object scale = Browser.js(driver, """
                const svg = document.getElementById('graph');
                return svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;""");
        assertThat(((Number) scale).doubleValue()).isGreaterThanOrEqualTo(0.9);
        assertThat(List.of(Browser.js(driver, "return document.documentElement.scrollWidth <= innerWidth"))).containsExactly(true);
    }
}
