package org.painsearch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The checkout the tests run from, and its bundled corpus as git holds it. Tests never read the checkout's own
 * {@code corpus/}: the notes, bookmarks, imports and edits she made there are hers, not fixtures.
 */
public final class Repository {
    /** The system property naming the checkout (Maven sets it to the project folder). */
    public static final String PROPERTY = "painsearch.repo";
    /** The tag of every test class that reads files of the checkout; RepositoryIsolationTest runs them on a copy. */
    public static final String TAG = "repository";

    private Repository() {
    }

    /** The checkout's root, read at each call (the user-data test points it at a copy). */
    public static Path root() {
        return Path.of(System.getProperty(PROPERTY, System.getProperty("user.dir"))).toAbsolutePath().normalize();
    }

    /**
     * Writes the bundled corpus, as git's index holds it, to {@code dest/corpus} and returns that folder: files she
     * added are not in it, and files she changed or deleted are there as committed.
     */
    public static Path bundledCorpus(Path dest) throws IOException {
        Path root = root();
        String files = git(root, null, "ls-files", "-z", "--", "corpus");
        if (files.isEmpty()) {
            Required.unmet("git lists no bundled corpus in " + root);
        }
        git(root, files, "checkout-index", "-z", "--stdin", "--prefix=" + dest.toAbsolutePath() + "/");
        return dest.resolve("corpus");
    }

    // A git command in the checkout; git missing or the folder not a checkout is a skip (a failure under CI).
    private static String git(Path root, String input, String... args) throws IOException {
        var command = new java.util.ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            Required.unmet("the bundled corpus is read from git, which cannot be run here (" + e.getMessage() + ")");
            throw e;
        }
        try (var in = p.getOutputStream()) {
            if (input != null) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroy();
                throw new IOException("git " + args[0] + " did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for git", e);
        }
        if (p.exitValue() != 0) {
            Required.unmet("the bundled corpus is read from git, and " + root + " is not a git checkout: " + out.strip());
        }
        return out;
    }
}
