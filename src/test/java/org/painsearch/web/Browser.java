package org.painsearch.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.painsearch.Required;

/** Headless Debian Chromium for the page tests: present, or skipped with the reason (failed under CI). */
final class Browser {
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private Browser() {
    }

    /** Skips the calling test class when Chromium is missing, except under CI where that fails it. */
    static void requireChromium() {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            Required.unmet("browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver)");
        }
    }

    /** A headless Chromium with its own profile folder under {@code dir}; nothing is downloaded. */
    static WebDriver start(Path dir) throws IOException {
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-background-networking", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--user-data-dir=" + Files.createDirectories(dir.resolve("chrome-profile")));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    static WebDriverWait waitFor(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    /** How many renders the page has finished (html[data-rendered]); 0 before the first. */
    static long renderCount(WebDriver driver) {
        Object n = ((JavascriptExecutor) driver).executeScript("return Number(document.documentElement.dataset.rendered || 0)");
        return ((Number) n).longValue();
    }

    /** Runs a script in the page and returns its answer. */
    static Object js(WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The ids of the result list, read in one script call (element handles go stale while the page re-renders). */
    static List<String> hitIds(WebDriver driver) {
        Object ids = ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('#hits li.hit')].map(e => e.dataset.id)");
        return ((List<?>) ids).stream().map(String::valueOf).toList();
    }
}
