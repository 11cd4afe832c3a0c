package org.painsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.painsearch.crawl.FakeSite;
import org.painsearch.crawl.FakeWeb;

/** "Add a source" in real headless Chromium: a feed crawled in the background, its outcomes shown per address. */
@PageFixture.AllowPrivate
class SourcesPageBrowserTest extends PageFixture {
    static FakeWeb web;

    @BeforeAll
    static void fakeWeb() throws Exception {
        web = FakeSite.small(new FakeWeb());
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopWeb() throws Exception {
        if (web != null) {
            web.close();
        }
    }

    @Test
    void addsAFeedAndShowsEachAddressAsItIsCrawled() {
        driver.get(base + "/");
        driver.findElement(By.linkText("Add a source")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/sources.html"));

        driver.findElement(By.id("url")).sendKeys("ftp://example.org/feed", Keys.ENTER);
        wait.until(d -> !d.findElement(By.id("error")).getText().isEmpty());
        assertThat(driver.findElement(By.id("error")).getText()).isEqualTo("not an http or https address: ftp://example.org/feed");

        var box = driver.findElement(By.id("url"));
        box.clear();
        box.sendKeys(web.url("/podcast.xml"), Keys.ENTER);
        wait.until(d -> d.findElement(By.id("summary")).getText().contains("Done."));
        assertThat(driver.findElement(By.id("error")).isDisplayed()).isFalse();
        assertThat(driver.getCurrentUrl()).contains("/sources.html?job=");
        assertThat(driver.findElement(By.id("summary")).getText()).contains("6 fetched")
                .contains("2 document(s) new or changed").contains("Saved to sources.yaml as a feed.");
        var episode = driver.findElement(By.xpath("//tr[td/a[@href='" + web.url("/episodes/1") + "']]"));
        assertThat(episode.findElement(By.cssSelector(".badge")).getText()).isEqualToIgnoringCase("fetched");
        assertThat(episode.findElement(By.linkText("open")).getAttribute("href"))
                .isEqualTo(base + "/?doc=pain-talk-why-pain-persists");

        driver.navigate().refresh(); // the job is in the address, so a reload shows it again
        wait.until(d -> d.findElement(By.id("summary")).getText().contains("Done."));
    }
}
