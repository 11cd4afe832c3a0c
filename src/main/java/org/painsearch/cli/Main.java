package org.painsearch.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code painsearch} command: serve, reindex, import, export, crawl, search, eval, notes and bookmarks. */
@Command(name = "painsearch", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Search pain-science articles, podcasts and your own notes, locally.",
        subcommands = {ServeCommand.class, ReindexCommand.class, CheckCommand.class, ImportCommand.class, ExportCommand.class, CrawlCommand.class,
                SearchCommand.class, EvalCommand.class, NoteCommand.class, BookmarkCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    // Lucene suggests an incubator module on every start; painsearch does not need it, so the hint is noise.
    // Held in a field because java.util.logging keeps loggers only weakly.
    private static final java.util.logging.Logger LUCENE_VECTOR_HINT =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        LUCENE_VECTOR_HINT.setLevel(java.util.logging.Level.SEVERE);
        // The embedding model's tokenizer (DJL) warns on every start that this machine has no GPU; it needs none.
        System.setProperty("org.slf4j.simpleLogger.log.ai.djl", "error");
        int code;
        try {
            code = newCommandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
        } catch (Throwable e) {
            // An error beyond an exception (out of memory, a native library failing): still one clear line and 1.
            org.slf4j.LoggerFactory.getLogger(Main.class).debug("command failed", e);
            System.err.println("painsearch: stopped by " + (e instanceof OutOfMemoryError
                    ? "running out of memory (give Java more with JAVA_TOOL_OPTIONS=-Xmx4g)" : "an internal error: "
                    + (e.getMessage() == null ? "no details" : e.getMessage())));
            code = 1;
        }
        if (code != ServeCommand.KEEP_RUNNING) {
            System.exit(code);
        }
    }

    /** A command line writing to {@code out} and {@code err}, with painsearch's error handling. */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        var cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new FailureHandler());
        return cl;
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"painsearch " + version()};
        }
    }

    /** The running version, or "dev" outside a built jar. */
    public static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
