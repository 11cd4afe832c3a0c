package org.painsearch;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * What some tests need from the machine (Chromium, the ../shared folder): missing, the test is skipped with the
 * reason on a user's machine, and fails under CI ({@code CI=true}), where it must run.
 */
public final class Required {
    private Required() {
    }

    /** Stops the calling test: a failure under CI, a skip saying {@code why} elsewhere. */
    public static void unmet(String why) {
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(why + "; under CI this test must run");
        }
        Assumptions.assumeTrue(false, why + " (skipped outside CI)");
    }

    /**
     * A folder of ../shared beside the repository (read there, never copied into it), naming it as {@code what}.
     * The property {@code painsearch.shared} overrides where ../shared is (for a test running on a copy of the checkout).
     */
    public static Path shared(String sub, String what) {
        String override = System.getProperty("painsearch.shared");
        Path shared = override != null ? Path.of(override) : Repository.root().resolve("../shared");
        Path p = shared.resolve(sub).normalize();
        if (!Files.isDirectory(p)) {
            unmet(what + " " + p + " is missing; ../shared is required beside the repository");
        }
        return p;
    }
}
