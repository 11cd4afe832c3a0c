package org.painsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The command line built for a start holds only the subcommand named, and answers as the full one does. */
class ForArgumentsTest {
    private static String run(boolean full, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var cl = full ? Main.newCommandLine(new PrintWriter(out), new PrintWriter(err))
                : Main.forArguments(args, new PrintWriter(out), new PrintWriter(err));
        int code = cl.execute(args);
        return code + "\n" + out + err;
    }

    @Test
    void aSubcommandGetsOnlyItselfAndTheSameHelp() {
        var cl = Main.forArguments(new String[] {"serve", "--help"}, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        assertThat(cl.getSubcommands()).containsOnlyKeys("serve");
        assertThat(run(false, "serve", "--help")).isEqualTo(run(true, "serve", "--help")).contains("--port");
        assertThat(run(false, "serve", "--no-such-option")).isEqualTo(run(true, "serve", "--no-such-option"));
    }

    @Test
    void helpVersionAndMistakesGetEveryCommand() {
        for (var args : new String[][] {{"--help"}, {"help"}, {"--version"}, {"serch", "crps"}, {}}) {
            assertThat(run(false, args)).as(String.join(" ", args)).isEqualTo(run(true, args));
        }
        assertThat(run(false, "--help")).contains("serve").contains("reindex").contains("bookmark");
    }
}
