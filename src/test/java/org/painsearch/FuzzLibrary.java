package org.painsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.painsearch.app.Library;

/** The fixture library in a temporary folder that lives as long as the fuzz run (removed when the JVM exits). */
public final class FuzzLibrary {
    private FuzzLibrary() {
    }

    public static Library open(String name) {
        try {
            Path dir = Files.createTempDirectory("painsearch-fuzz-" + name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            return TestCorpus.library(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
