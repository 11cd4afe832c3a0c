package org.painsearch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.painsearch.TestCorpus;
import org.painsearch.app.Library;
import org.painsearch.crawl.FakeSite;
import org.painsearch.crawl.FakeWeb;

/** "Add a source" in real headless Chromium: a feed crawled in the background, its outcomes shown per address. */
class SourcesPageBrowserTest {
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    static Path dir;
    static FakeWeb web;
    static Library library;
    static Javalin app;
    static WebDriver driver;
    static WebDriverWait wait;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            String missing = "browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                fail(missing + "; under CI they must run");
            }
            Assumptions.assumeTrue(false, "skipped: " + missing);
        }
        web = FakeSite.small(new FakeWeb());
        library = TestCorpus.library(dir);
        app = WebServer.create(library, java.util.Set.of(), true).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-background-networking", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--user-data-dir=" + Files.createDirectories(dir.resolve("chrome-profile")));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (app != null) {
            app.stop();
        }
        if (library != null) {
            library.close();
        }
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
