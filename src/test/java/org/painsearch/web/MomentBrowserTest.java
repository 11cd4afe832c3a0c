package org.painsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * A document opened from a hit shows why: the query's words are marked, and for a podcast the segment playing at the
 * linked moment is highlighted, scrolled into view and focused, with the audio starting at that second.
 */
class MomentBrowserTest extends PageFixture {
    @BeforeAll
    static void aLongEpisode() throws Exception {
        var vtt = new StringBuilder("WEBVTT\n\n");
        for (int i = 0; i < 60; i++) {
            String text = i == 45 ? "Here the guest explains why nociplastic pain needs a different conversation."
                    : "Small talk about the weather and the train journey, part " + i + ".";
            vtt.append("00:%02d:00.000 --> 00:%02d:50.000%n%s%n%n".formatted(i, i, text));
        }
        addFile("podcasts/pod-long.vtt", vtt.toString());
        addFile("podcasts/pod-long.md", """
                ---
                id: pod-long
                type: podcast
                title: "A long conversation"
                published: 2022-05-01
                show: Touch Matters
                episode: 2
                audio: https://podcasts.example.org/touch/2.mp3
                duration: "01:00:00"
                ---
                Show notes.
                """);
    }

    @BeforeEach
    void phone() {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    private static boolean inViewport(WebElement e) {
        return (Boolean) Browser.js(driver, """
                const r = arguments[0].getBoundingClientRect();
                return r.top >= 0 && r.bottom <= innerHeight;""", e);
    }

    @Test
    void thePodcastMomentIsHighlightedScrolledToFocusedAndPlayableFromThatSecond() {
        open("/?q=nociplastic");
        var moment = driver.findElement(By.cssSelector("li.hit[data-id='pod-long'] a.moment"));
        assertThat(moment.getText()).isEqualTo("▶ 00:45:00");
        andWaitForRender(moment::click);

        var current = driver.findElement(By.cssSelector("#timeline li.current"));
        assertThat(current.getAttribute("data-seconds")).isEqualTo("2700");
        assertThat(current.getAttribute("aria-current")).isEqualTo("true");
        // The highlight rule applies to it (a background other than the page's).
        assertThat(current.getCssValue("background-color")).isNotEqualTo("rgba(0, 0, 0, 0)");
        assertThat(current.findElement(By.xpath("preceding-sibling::li[1]")).getCssValue("background-color"))
                .isEqualTo("rgba(0, 0, 0, 0)");
        assertThat(((Number) Browser.js(driver, "return window.scrollY")).doubleValue()).isPositive();
        assertThat(inViewport(current)).isTrue();
        assertThat(driver.switchTo().activeElement()).isEqualTo(current);
        assertThat(current.findElements(By.tagName("mark"))).extracting(WebElement::getText).containsExactly("nociplastic");

        var audio = driver.findElement(By.id("episode-audio"));
        assertThat(audio.getDomProperty("src")).isEqualTo("https://podcasts.example.org/touch/2.mp3#t=2700");
        assertThat(driver.findElement(By.id("listen-link")).getText()).isEqualTo("Listen from 00:45:00 ↗");
    }

    @Test
    void aLinkIntoTheMiddleOfASegmentHighlightsTheSegmentPlayingThen() {
        open("/?doc=pod-touch&t=1230");
        var current = driver.findElement(By.cssSelector("#timeline li.current"));
        assertThat(current.getAttribute("data-seconds")).isEqualTo("1200");
        assertThat(current.getText()).contains("Oxytocin release");
        assertThat(driver.findElements(By.cssSelector("#timeline li.current"))).hasSize(1);
    }

    @Test
    void theSearchedWordsAreMarkedInTheDocumentOpenedFromAHit() {
        open("/?q=" + java.net.URLEncoder.encode("blood endorphins", java.nio.charset.StandardCharsets.UTF_8));
        andWaitForRender(() -> driver.findElement(By.cssSelector("li.hit[data-id='massage-endorphins'] a.hit-title")).click());
        List<String> marked = driver.findElements(By.cssSelector("#view .body mark")).stream().map(WebElement::getText).toList();
        // "Beta-endorphin" in the text: a synonym of endorphins (the fixture's synonyms), marked as written there.
        assertThat(marked).contains("Beta-endorphin");
        assertThat(marked.stream().filter("blood"::equalsIgnoreCase)).hasSize(2);
        // Opened without a search, nothing is marked.
        open("/?doc=massage-endorphins");
        assertThat(driver.findElements(By.cssSelector("#view mark"))).isEmpty();
    }
}
