package org.painsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM (as Ctrl+C or {@code kill} stop a command) while ONNX Runtime is creating the embedding model's session,
 * which serve does a second after it says it is ready: the process stops cleanly, with SIGTERM's exit code. Without
 * {@link Signals}, ONNX Runtime's own shutdown hook released its environment under the session being created and
 * the JVM died of a native fault (exit 134), writing a crash report into the working folder.
 */
class StopWhileTheModelLoadsTest {
    @TempDir
    Path dir;

    @Test
    void sigtermWhileTheSessionIsCreatedStopsCleanly() throws Exception {
        Path log = dir.resolve("out.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        var process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ExitWhileTheModelLoads.class.getName(), "signals")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the process ended").isTrue();
        } finally {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(output).as("what it printed").contains("sending SIGTERM while creating the session: true")
                .doesNotContain("A fatal error", "SIGSEGV");
        assertThat(process.exitValue()).as("exit code (143 is SIGTERM's; 134 a crash)\n%s", output).isEqualTo(143);
        assertThat(crashReports()).as("crash reports in the working folder").isEmpty();
    }

    private List<Path> crashReports() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("hs_err")).toList();
        }
    }
}
