package org.painsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Progress written to a log file or a pipe comes as whole lines, a few of them, never one redrawn line. */
class ConsoleProgressTest {
    @Test
    void offATerminalProgressIsTheFirstLineThenOnlyTheLast() {
        var bytes = new ByteArrayOutputStream();
        var lines = new ConsoleProgress.LogLines(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        for (int i = 0; i <= 100; i++) {
            lines.accept("Writing the index  " + i + "% [ ] " + i + "/100 documents\r");
        }
        lines.close();

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).doesNotContain("\r");
        assertThat(out.lines().toList()).containsExactly(
                "Writing the index  0% [ ] 0/100 documents",
                "Writing the index  100% [ ] 100/100 documents");
    }

    @Test
    void aLastLineAlreadyPrintedIsNotRepeated() {
        var bytes = new ByteArrayOutputStream();
        var lines = new ConsoleProgress.LogLines(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        lines.accept("Checking  100% 3/3");
        lines.close();

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly("Checking  100% 3/3");
    }
}
