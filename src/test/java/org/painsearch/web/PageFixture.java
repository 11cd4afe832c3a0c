package org.painsearch.web;

import io.javalin.Javalin;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.painsearch.TestCorpus;
import org.painsearch.app.Library;

/** A served fixture corpus and a headless Chromium, for one browser test class at a time. */
abstract class PageFixture {
    @TempDir
    static Path dir;
    static Library library;
    static Javalin app;
    static WebDriver driver;
    static WebDriverWait wait;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        Browser.requireChromium();
        library = TestCorpus.library(dir);
        app = WebServer.create(library).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
        driver = Browser.start(dir);
        wait = Browser.waitFor(driver);
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (app != null) {
            app.stop();
            app = null;
        }
        if (library != null) {
            library.close();
            library = null;
        }
    }
}
