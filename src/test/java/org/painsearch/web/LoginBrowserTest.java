package org.painsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.painsearch.TestCorpus;

/** A password-protected painsearch in Chromium: sent to the login page, back to the search after it, then logout. */
class LoginBrowserTest {
    @TempDir
    Path dir;

    @Test
    void aBrowserLogsInSearchesAndLogsOut() throws Exception {
        Browser.requireChromium();
        try (var library = TestCorpus.library(dir)) {
            var app = WebServer.create(library, new WebOptions(java.util.Set.of(), false,
                    Password.of("correct horse battery"), null, List.of())).start("127.0.0.1", 0);
            var driver = Browser.start(dir);
            try {
                var wait = Browser.waitFor(driver);
                String base = "http://127.0.0.1:" + app.port();
                driver.get(base + "/?q=endorphins");
                wait.until(ExpectedConditions.urlContains("/login.html?next="));
                driver.findElement(By.id("password")).sendKeys("wrong password");
                driver.findElement(By.cssSelector("#login-form button")).click();
                wait.until(ExpectedConditions.textToBe(By.id("error"), "wrong password"));
                driver.findElement(By.id("password")).clear();
                driver.findElement(By.id("password")).sendKeys("correct horse battery");
                driver.findElement(By.cssSelector("#login-form button")).click();
                wait.until(d -> Browser.hitIds(d).contains("massage-endorphins"));
                assertThat(driver.getCurrentUrl()).isEqualTo(base + "/?q=endorphins");
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-logout"))).click();
                wait.until(ExpectedConditions.textToBe(By.id("notice"), "You are logged out."));
                driver.get(base + "/?q=endorphins");
                wait.until(ExpectedConditions.urlContains("/login.html?next="));
            } finally {
                driver.quit();
                app.stop();
            }
        }
    }
}
