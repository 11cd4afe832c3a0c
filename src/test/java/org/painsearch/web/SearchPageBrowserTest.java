package org.painsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The search page in real headless Chromium: search, snippets, facets, document view, back. */
class SearchPageBrowserTest extends PageFixture {
    private static List<String> hitIds() {
        return Browser.hitIds(driver);
    }

    private static void waitForHits(String... ids) {
        wait.until(d -> hitIds().equals(List.of(ids)) || hitIds().size() == ids.length && hitIds().containsAll(List.of(ids)));
    }

    @Test
    void searchFacetDocumentAndBack() {
        driver.get(base + "/");
        wait.until(d -> "q".equals(d.switchTo().activeElement().getAttribute("id")));

        WebElement box = driver.findElement(By.id("q"));
        box.sendKeys("endorphins massage", Keys.ENTER);
        waitForHits("massage-endorphins", "note-glow");
        assertThat(driver.getCurrentUrl()).contains("q=endorphins+massage");
        WebElement article = driver.findElement(By.cssSelector("li.hit[data-id='massage-endorphins']"));
        List<WebElement> marks = article.findElements(By.cssSelector(".snippets mark"));
        assertThat(marks).extracting(WebElement::getText).contains("massage");
        assertThat(article.findElement(By.cssSelector(".cited a")).getText()).isEqualTo("Why clients feel good afterwards");

        driver.findElement(By.cssSelector("#facets ul[data-facet='type'] button[data-value='note']")).click();
        waitForHits("note-glow");
        assertThat(driver.getCurrentUrl()).contains("type=note");
        assertThat(driver.findElement(By.cssSelector("#facets ul[data-facet='type'] button[data-value='note']"))
                .getAttribute("aria-pressed")).isEqualTo("true");

        driver.findElement(By.cssSelector("li.hit[data-id='note-glow'] a.hit-title")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#view h1"), "Why clients feel good afterwards"));
        assertThat(driver.getCurrentUrl()).contains("doc=note-glow");
        assertThat(driver.findElement(By.id("cites")).getText()).contains("Massage and endorphins")
                .contains("Touch and the brain at 00:12:30").contains("[[missing-doc]] (not in the library)");

        driver.navigate().back();
        waitForHits("note-glow");
        assertThat(driver.findElement(By.id("view")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo("endorphins massage");

        driver.findElement(By.tagName("body")).click();
        driver.findElement(By.tagName("body")).sendKeys("/");
        wait.until(d -> "q".equals(d.switchTo().activeElement().getAttribute("id")));
    }

    @Test
    void podcastHitLinksToItsMomentAndTheDocumentShowsIt() {
        driver.get(base + "/?q=oxytocin");
        waitForHits("pod-touch");
        WebElement moment = driver.findElement(By.cssSelector("li.hit[data-id='pod-touch'] a.moment"));
        assertThat(moment.getText()).isEqualTo("▶ 00:20:00");
        moment.click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#view h1"), "Touch and the brain"));
        assertThat(driver.findElement(By.cssSelector("#view .segments li.current")).getText()).contains("00:20:00")
                .contains("Oxytocin release");
        assertThat(driver.findElement(By.id("backlinks")).getText()).contains("Why clients feel good afterwards");
    }

    @Test
    void badSyntaxShowsANoticeAndImportedMarkupStaysText() throws Exception {
        driver.get(base + "/?q=" + java.net.URLEncoder.encode("\"massage", java.nio.charset.StandardCharsets.UTF_8));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertThat(driver.findElement(By.id("notice")).getText()).contains("plain words");
        assertThat(hitIds()).contains("massage-endorphins");
    }
}
