package org.painsearch.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.painsearch.Required;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * axe-core, Deque's accessibility checker, run inside the page under test. The Maven build installs it from the
 * npm registry into target/axe (src/test/axe); the tests inject it, painsearch never serves it.
 */
final class Axe {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] })
              .then(r => done(JSON.stringify(r.violations)))
              .catch(e => done(JSON.stringify({ error: String(e) })));
            """;

    private final String source;

    private Axe(String source) {
        this.source = source;
    }

    /** axe-core as installed by the build; missing, the calling test skips saying why (fails under CI). */
    static Axe installed() throws IOException {
        String where = System.getProperty("painsearch.axe", "target/axe/node_modules/axe-core/axe.min.js");
        Path file = Path.of(where);
        if (!Files.isRegularFile(file)) {
            Required.unmet("axe-core is not installed at " + file + " (the Maven build installs it with npm; "
                    + "see src/test/axe/install.sh)");
        }
        return new Axe(Files.readString(file));
    }

    /** One rule broken on the page: its id, how serious, what it says, and the elements breaking it. */
    record Violation(String id, String impact, String help, List<String> targets) {
        @Override
        public String toString() {
            return id + " (" + impact + "): " + help + " at " + targets;
        }
    }

    /** Every violation of axe's default rules on the page as it is now. */
    List<Violation> violations(WebDriver driver) {
        var js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        js.executeScript(source);
        JsonNode answer = JSON.readTree((String) js.executeAsyncScript(RUN));
        if (answer.has("error")) {
            throw new IllegalStateException("axe-core failed on the page: " + answer.path("error").asString());
        }
        var out = new ArrayList<Violation>();
        for (JsonNode v : answer) {
            var targets = new ArrayList<String>();
            v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
            out.add(new Violation(v.path("id").asString(), v.path("impact").asString(), v.path("help").asString(), targets));
        }
        return out;
    }
}
