package org.painsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Writing a note on the page: link suggestion, save, found under the cited source, bookmarks, a conflict. */
class NotesBrowserTest extends PageFixture {
    private static final String TITLE = "Massage and sleep for client J.";
    private static final String NOTE_ID = "note-massage-and-sleep-for-client-j";

    @Test
    void writeLinkFindBookmarkAndMeetAConflict() throws Exception {
        driver.get(base + "/");
        driver.findElement(By.id("nav-new")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("note-title"))).sendKeys(TITLE);
        driver.findElement(By.id("note-tags")).sendKeys("sleep, clients");
        var body = driver.findElement(By.id("note-body"));
        body.sendKeys("Her sleep improves after massage, see [[massa");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#link-suggestions li[data-id='massage-endorphins']")));
        body.sendKeys(Keys.ENTER);
        wait.until(d -> d.findElement(By.id("note-body")).getDomProperty("value").endsWith("[[massage-endorphins]]"));
        body.sendKeys(" and the moment [[pod-touch#t=00:12:30]] on stroking.");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"), "Massage and endorphins"));
        driver.findElement(By.id("save-note")).click();

        wait.until(ExpectedConditions.textToBe(By.cssSelector("#view h1"), TITLE));
        assertThat(driver.getCurrentUrl()).contains("doc=" + NOTE_ID);
        assertThat(Files.readString(dir.resolve("corpus/notes/" + NOTE_ID + ".md"))).contains("[[massage-endorphins]]");
        assertThat(driver.findElement(By.id("cites")).getText()).contains("Massage and endorphins")
                .contains("Touch and the brain at 00:12:30").contains("Slow stroking activates C-tactile afferents");

        // Found from a search for words of the cited article, listed under it.
        search("blood connective tissue");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("li.hit[data-id='massage-endorphins'] .cited"), TITLE));

        // Bookmark the search, then the note.
        driver.findElement(By.cssSelector("#search-bookmark button.bookmark")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#search-bookmark button.bookmark"), "★ Bookmarked"));
        driver.findElement(By.xpath("//li[@data-id='massage-endorphins']//div[@class='cited']//a[text()='" + TITLE + "']")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#view h1"), TITLE));
        driver.findElement(By.cssSelector("#view button.bookmark")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#view button.bookmark"), "★ Bookmarked"));

        driver.findElement(By.id("nav-bookmarks")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("section[data-kind='note']"), TITLE));
        assertThat(driver.findElement(By.cssSelector("section[data-kind='search']")).getText()).contains("blood connective tissue");
        driver.findElement(By.cssSelector("section[data-kind='search'] a")).click();
        wait.until(d -> Browser.hitIds(d).contains("massage-endorphins"));
        assertThat(driver.findElement(By.id("q")).getDomProperty("value")).isEqualTo("blood connective tissue");
        driver.navigate().back();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("section[data-kind='note']"), TITLE));
        driver.findElement(By.cssSelector("section[data-kind='note'] a")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#view h1"), TITLE));

        // Edit, while the file changes underneath (another editor), then save: refused, both texts shown.
        driver.findElement(By.id("edit-note")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("note-body")));
        Path file = dir.resolve("corpus/notes/" + NOTE_ID + ".md");
        Files.writeString(file, Files.readString(file).replace("Her sleep improves", "Changed in vim: her sleep improves"));
        driver.findElement(By.id("note-body")).sendKeys(Keys.END, " My browser addition.");
        driver.findElement(By.id("save-note")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("conflict")));
        assertThat(driver.findElement(By.id("conflict-message")).getText()).contains("changed elsewhere");
        assertThat(driver.findElement(By.id("conflict-current")).getDomProperty("value")).contains("Changed in vim");
        assertThat(driver.findElement(By.id("note-body")).getDomProperty("value")).contains("My browser addition.");
        assertThat(Files.readString(file)).contains("Changed in vim").doesNotContain("My browser addition");

        driver.findElement(By.id("keep-mine")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#view h1"), TITLE));
        assertThat(Files.readString(file)).contains("My browser addition").doesNotContain("Changed in vim");
    }

    @Test
    void deleteWithUndoAndTheGraph() {
        driver.get(base + "/?doc=note-glow");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#view h1"), "Why clients feel good afterwards"));
        driver.findElement(By.id("delete-note")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("undo-delete")));
        assertThat(dir.resolve("corpus/notes/note-glow.md")).doesNotExist();
        driver.findElement(By.id("undo-delete")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#view h1"), "Why clients feel good afterwards"));
        assertThat(dir.resolve("corpus/notes/note-glow.md")).exists();

        driver.findElement(By.id("nav-graph")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#graph .node[data-id='note-glow']")));
        assertThat(driver.findElements(By.cssSelector("#graph line.edge"))).hasSizeGreaterThanOrEqualTo(2);
        driver.findElement(By.cssSelector("#graph .node[data-id='pod-touch'] circle")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#view h1"), "Touch and the brain"));
    }

    private static void search(String q) {
        var box = driver.findElement(By.id("q"));
        box.clear();
        box.sendKeys(q, Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().contains("q=") && !Browser.hitIds(d).isEmpty());
    }
}
