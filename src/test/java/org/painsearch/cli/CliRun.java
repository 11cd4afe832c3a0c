package org.painsearch.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One painsearch command run in this process, with what it printed and its exit code. */
record CliRun(int code, String out, String err) {
    static CliRun of(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
