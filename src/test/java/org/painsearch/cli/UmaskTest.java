package org.painsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.TestCorpus;

/** Run under umask 000, painsearch still writes its index and notes readable by their owner only. */
class UmaskTest {
    @TempDir
    Path dir;

    private int run(String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = new StringBuilder("umask 000; exec '" + java + "' -cp '" + System.getProperty("java.class.path")
                + "' " + Main.class.getName());
        for (String a : args) {
            command.append(" '").append(a).append("'");
        }
        var p = new ProcessBuilder("sh", "-c", command.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    @Test
    void indexAndNotesAreOwnerOnlyWhateverTheUmask() throws Exception {
        Path corpus = TestCorpus.write(dir);
        Path index = dir.resolve("index");
        assertThat(run("reindex", "--corpus", corpus.toString(), "--index", index.toString(), "--ranking", "bm25"))
                .as(Files.readString(dir.resolve("out.txt"))).isZero();
        assertThat(run("note", "new", "Client T. knee", "--corpus", corpus.toString(), "--index", index.toString(),
                "--ranking", "bm25")).as(Files.readString(dir.resolve("out.txt"))).isZero();
        try (Stream<Path> all = Files.walk(index)) {
            for (Path p : all.toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as(p.toString())
                        .isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
            }
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(corpus.resolve("notes/note-client-t-knee.md"))))
                .isEqualTo("rw-------");
    }
}
