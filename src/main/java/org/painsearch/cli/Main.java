package org.painsearch.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code painsearch} command: serve, reindex, import, export, crawl, search, eval, notes and bookmarks. */
@Command(name = "painsearch", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Search pain-science articles, podcasts and your own notes, locally.")
public final class Main implements Runnable {
    // Every subcommand, in the order help lists them.
    private static final List<Class<?>> COMMANDS = List.of(ServeCommand.class, ReindexCommand.class,
            CheckCommand.class, ImportCommand.class, ExportCommand.class, CrawlCommand.class, SearchCommand.class, EvalCommand.class,
            NoteCommand.class, BookmarkCommand.class, BenchCommand.class, CommandLine.HelpCommand.class);
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
        Signals.install();
        LUCENE_VECTOR_HINT.setLevel(java.util.logging.Level.SEVERE);
        // The embedding model's tokenizer (DJL) warns on every start that this machine has no GPU; it needs none.
        System.setProperty("org.slf4j.simpleLogger.log.ai.djl", "error");
        int code;
        CommandLine commandLine;
        try {
            commandLine = forArguments(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        } catch (IllegalArgumentException e) {
            System.err.println("painsearch: " + e.getMessage()); // the configuration file cannot be used
            System.exit(1);
            return;
        }
        try {
            code = commandLine.execute(args);
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

    /**
     * A command line writing to {@code out} and {@code err}, with painsearch's error handling and the configuration
     * file's settings.
     *
     * @throws IllegalArgumentException when the configuration file cannot be used (the message says why)
     */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        return newCommandLine(out, err, COMMANDS);
    }

    /**
     * The command line {@code args} need: when they start with a subcommand's name, only that subcommand, else all
     * (help, the version, a mistake). Picocli reads every option of every command it is given before it parses,
     * which for all of them is a good part of a start.
     */
    static CommandLine forArguments(String[] args, PrintWriter out, PrintWriter err) {
        if (args.length > 0) {
            for (Class<?> command : COMMANDS) {
                if (command != CommandLine.HelpCommand.class && command.getAnnotation(Command.class).name().equals(args[0])) {
                    return newCommandLine(out, err, List.of(command));
                }
            }
        }
        return newCommandLine(out, err, COMMANDS);
    }

    private static CommandLine newCommandLine(PrintWriter out, PrintWriter err, List<Class<?>> commands) {
        return newCommandLine(out, err, commands, ConfigFile.load(System.getenv(), StoreOptions.home()));
    }

    /** Every command, with the settings of {@code config}. */
    static CommandLine newCommandLine(PrintWriter out, PrintWriter err, ConfigFile config) {
        return newCommandLine(out, err, COMMANDS, config);
    }

    private static CommandLine newCommandLine(PrintWriter out, PrintWriter err, List<Class<?>> commands, ConfigFile config) {
        var cl = new CommandLine(new Main());
        commands.forEach(cl::addSubcommand);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new FailureHandler());
        // Set once every subcommand is added: picocli hands it down to them.
        cl.setDefaultValueProvider(config);
        var usual = cl.getParameterExceptionHandler();
        cl.setParameterExceptionHandler((e, args) -> {
            String origin = config.origin(e.getArgSpec(), e.getValue());
            if (origin == null) {
                return usual.handleParseException(e, args);
            }
            // A value of the configuration file: the file is what to fix, not the command line.
            var command = e.getCommandLine();
            command.getErr().println("painsearch: " + e.getMessage() + " (set in " + origin + ")");
            command.getErr().flush();
            return command.getCommandSpec().exitCodeOnInvalidInput();
        });
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
