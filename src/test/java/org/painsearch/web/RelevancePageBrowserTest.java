package org.painsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The page's relevance features in headless Chromium: did you mean, search details, autocomplete, related. */
class RelevancePageBrowserTest extends PageFixture {
    @Test
    void didYouMeanLeadsToTheCorrectedSearch() {
        driver.get(base + "/?q=endorfins");
        wait.until(d -> !d.findElements(By.cssSelector(".did-you-mean a")).isEmpty());
        driver.findElement(By.cssSelector(".did-you-mean a")).click();
        wait.until(d -> Browser.hitIds(d).contains("massage-endorphins"));
        assertThat(driver.getCurrentUrl()).endsWith("?q=endorphins");
    }

    @Test
    void searchDetailsShowTheStemsAndSynonyms() {
        driver.get(base + "/?q=CRPS");
        wait.until(d -> !d.findElements(By.id("search-details")).isEmpty());
        var details = driver.findElement(By.id("search-details"));
        details.findElement(By.tagName("summary")).click();
        assertThat(details.getText()).contains("Stems: CRPS → crp").contains("Added by synonyms:").contains("syndrom");
    }

    @Test
    void theSearchBoxOffersSuggestions() {
        driver.get(base + "/");
        driver.findElement(By.id("q")).sendKeys("massa");
        wait.until(d -> d.findElements(By.cssSelector("#q-suggestions li")).stream()
                .anyMatch(o -> o.getText().startsWith("Massage and endorphins")));
    }

    @Test
    void theDocumentViewListsRelatedDocuments() {
        driver.get(base + "/?doc=massage-endorphins");
        wait.until(d -> !d.findElements(By.cssSelector("#related li a")).isEmpty());
        List<String> titles = driver.findElements(By.cssSelector("#related li a")).stream().map(e -> e.getText()).toList();
        assertThat(titles).contains("Why clients feel good afterwards");
    }
}
