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

    /** On a test class: its server may crawl this machine's addresses (the tests' fake web sites). */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
    @interface AllowPrivate {
    }

    @BeforeAll
    static void start(org.junit.jupiter.api.TestInfo info) throws Exception {
        boolean allowPrivate = info.getTestClass().map(c -> c.isAnnotationPresent(AllowPrivate.class)).orElse(false);
        Browser.requireChromium();
        library = TestCorpus.library(dir);
        app = WebServer.create(library, java.util.Set.of(), allowPrivate).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
        driver = Browser.start(dir);
        wait = Browser.waitFor(driver);
    }

    /** Writes one more corpus file and indexes it, for a test class that needs more than the shared fixture. */
    static void addFile(String relative, String text) throws java.io.IOException {
        // Searchable before the page asks: the write's generation is waited on.
        library.engine().awaitVisible(library.syncFile(TestCorpus.file(dir.resolve("corpus"), relative, text)));
    }

    /** Loads {@code path} and waits until the page has rendered it. */
    static void open(String path) {
        driver.get(base + path);
        wait.until(d -> Browser.renderCount(d) > 0);
    }

    /** Runs {@code action} (a click, a key) and waits until the page has rendered what it asked for. */
    static void andWaitForRender(Runnable action) {
        long before = Browser.renderCount(driver);
        action.run();
        wait.until(d -> Browser.renderCount(d) > before);
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
