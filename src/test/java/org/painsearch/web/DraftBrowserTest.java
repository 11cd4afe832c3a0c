package org.painsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Nothing typed is lost: leaving the editor with unsaved text asks first (links, Back, reload), the draft is kept in
 * the browser and offered back when the editor opens again, and saving clears it.
 */
class DraftBrowserTest extends PageFixture {
    private static final String NEW_KEY = "painsearch.draft.new";

    @BeforeEach
    void freshBrowserStorage() {
        driver.manage().window().setSize(new Dimension(1280, 900));
        open("/");
        Browser.js(driver, "localStorage.clear()");
    }

    private static String stored(String key) {
        return (String) Browser.js(driver, "return localStorage.getItem(arguments[0])", key);
    }

    // What the page answers when the browser is about to unload it (reload, closing the tab).
    private static boolean browserWouldAskBeforeUnloading() {
        return (Boolean) Browser.js(driver, """
                const e = new Event('beforeunload', { cancelable: true });
                window.dispatchEvent(e);
                return e.defaultPrevented;""");
    }

    private static String body() {
        return driver.findElement(By.id("note-body")).getDomProperty("value");
    }

    @Test
    void leavingAsksAndTheDraftComesBackWhenTheEditorOpensAgain() {
        open("/");
        andWaitForRender(() -> driver.findElement(By.id("nav-new")).click());
        driver.findElement(By.id("note-title")).sendKeys("Ask about sleep before deep work");
        driver.findElement(By.id("note-body")).sendKeys("She sleeps five hours before a long session.");
        wait.until(d -> stored(NEW_KEY) != null && stored(NEW_KEY).contains("five hours"));

        // A link in the header: the page asks; staying keeps everything as it is.
        driver.findElement(By.id("nav-bookmarks")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("leave-dialog")));
        driver.findElement(By.id("leave-stay")).click();
        assertThat(driver.getCurrentUrl()).endsWith("/?new=note");
        assertThat(body()).isEqualTo("She sleeps five hours before a long session.");

        // Leaving keeps the draft; Back shows the editor with it, saying so.
        driver.findElement(By.id("nav-bookmarks")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("leave-go"))).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#view h1"), "Bookmarks"));
        andWaitForRender(() -> driver.navigate().back());
        assertThat(driver.getCurrentUrl()).endsWith("/?new=note");
        assertThat(body()).isEqualTo("She sleeps five hours before a long session.");
        assertThat(driver.findElement(By.id("note-title")).getDomProperty("value")).isEqualTo("Ask about sleep before deep work");
        assertThat(driver.findElement(By.id("draft-offer")).getText()).contains("unsaved draft");

        // The browser's Back button asks too, and staying keeps the editor where it was.
        driver.findElement(By.id("note-body")).sendKeys(" More.");
        driver.navigate().back();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("leave-dialog")));
        driver.findElement(By.id("leave-stay")).click();
        assertThat(driver.getCurrentUrl()).endsWith("/?new=note");
        assertThat(body()).endsWith("More.");

        // Reload or closing the tab: the browser is asked to confirm.
        assertThat(browserWouldAskBeforeUnloading()).isTrue();

        // Saving clears the draft, and nothing asks any more.
        andWaitForRender(() -> driver.findElement(By.id("save-note")).click());
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#view h1"), "Ask about sleep before deep work"));
        assertThat(stored(NEW_KEY)).isNull();
        assertThat(browserWouldAskBeforeUnloading()).isFalse();
        andWaitForRender(() -> driver.findElement(By.id("nav-bookmarks")).click());
        assertThat(driver.findElements(By.id("leave-dialog"))).isEmpty();
    }

    @Test
    void anEditLeftUnsavedIsOfferedBackAndCanBeDiscarded() throws Exception {
        open("/?edit=note-glow");
        var body = driver.findElement(By.id("note-body"));
        body.sendKeys(Keys.END, " Draft line about pressure.");
        wait.until(d -> stored("painsearch.draft.edit:note-glow") != null);

        // The tab closed without saving, the editor opened again in a new one: the browser kept the draft.
        String old = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        String fresh = driver.getWindowHandle();
        driver.switchTo().window(old).close();
        driver.switchTo().window(fresh);
        open("/?edit=note-glow");
        assertThat(body()).endsWith("Draft line about pressure.");
        assertThat(driver.findElement(By.id("draft-offer")).getText()).contains("unsaved draft");

        driver.findElement(By.id("discard-draft")).click();
        assertThat(body()).doesNotContain("Draft line about pressure.");
        assertThat(stored("painsearch.draft.edit:note-glow")).isNull();
        assertThat(Files.readString(dir.resolve("corpus/notes/note-glow.md"))).doesNotContain("Draft line");
    }
}
