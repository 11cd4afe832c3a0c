package org.painsearch.cli;

import io.javalin.Javalin;
import org.painsearch.app.CorpusWatcher;
import org.painsearch.app.Library;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.painsearch.web.Password;
import org.painsearch.web.WebOptions;
import org.painsearch.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code painsearch serve}: indexes the corpus on first run, then serves the search page and API. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the search page and HTTP API (indexes the corpus first when there is no index).",
                "Any --host but this machine's own needs a password (PAINSEARCH_PASSWORD or --password-file)."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"1:cannot start (port in use, index held by another process)",
                "2:refused: --host reachable from other machines without a password, or an unsafe password file"})
final class ServeCommand implements Callable<Integer> {
    /** Returned by {@link #call()} so {@code main} does not exit while the server runs. */
    static final int KEEP_RUNNING = -1;
    // How long after the start the embedding model begins to load.
    private static final java.time.Duration MODEL_LOAD_PAUSE = java.time.Duration.ofSeconds(1);
    private static final java.time.Duration RECONCILE_PAUSE = java.time.Duration.ofSeconds(2);
    // Set as the server stops: work still under way in the background then ends without reporting a failure.
    private static volatile boolean stopping;

    @Mixin
    private StoreOptions store;

    @Option(names = "--port", defaultValue = "${env:PAINSEARCH_PORT:-7070}",
            description = "Port to listen on (env PAINSEARCH_PORT; default: ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port;

    @Option(names = "--host", defaultValue = "${env:PAINSEARCH_HOST:-127.0.0.1}",
            description = "Address to listen on (env PAINSEARCH_HOST; default: ${DEFAULT-VALUE}, this machine only).")
    private String host;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File holding the login password (first line), readable by you only (chmod 600). Required, "
                    + "or PAINSEARCH_PASSWORD, when --host is not this machine's own address.")
    private Path passwordFile;

    @Option(names = "--import-root", paramLabel = "DIR", split = ",",
            defaultValue = "${env:PAINSEARCH_IMPORT_ROOTS}",
            description = "Folder from which POST /api/import may take files (repeatable; env PAINSEARCH_IMPORT_ROOTS, "
                    + "comma-separated). The painsearch command line on this machine is not limited by it.")
    private List<Path> importRoots;

    @Option(names = "--allow-private",
            description = "Let \"add a source\" crawl loopback, private and link-local addresses (refused by default).")
    private boolean allowPrivate;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    private Javalin app;

    @Override
    public Integer call() throws IOException {
        var out = spec.commandLine().getOut();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535 (got: " + port + ")");
        }
        Password password;
        try {
            password = ServeAccess.password(host, System.getenv("PAINSEARCH_PASSWORD"), passwordFile);
        } catch (ServeAccess.Refused e) {
            spec.commandLine().getErr().println("painsearch: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return ServeAccess.UNPROTECTED;
        }
        // Said first, so even a slow start on a busy machine is never silent.
        if (spec.commandLine().getDefaultValueProvider() instanceof ConfigFile config && config.file() != null) {
            out.println("Settings from " + config.file() + " (a flag or PAINSEARCH_ variable wins over it)");
        }
        out.println("Opening " + store.engine().where() + "…");
        out.flush();
        var access = LocalIndex.open(store, out);
        if (access.server() != null) {
            throw new IOException("the index is already served by " + access.server().describe()
                    + "; open that address, or stop it first");
        }
        var library = access.library();
        try {
            boolean built = LocalIndex.buildIfNeeded(library, out);
            if (built) {
                out.println("Starting the server…");
                out.flush();
            }
            String token = org.painsearch.web.WebOptions.newToken();
            var options = new WebOptions(Set.of(host), allowPrivate, password, token,
                    importRoots == null ? List.of() : importRoots);
            app = WebServer.create(library, options);
            try {
                app.start(host, port);
            } catch (RuntimeException e) {
                throw new IOException("cannot listen on " + host + ":" + port + " (" + rootMessage(e)
                        + "); is another server using it? Try --port with another number");
            }
            var watcher = CorpusWatcher.start(library);
            // The embedding model takes a second or more of a core to load: searches answer by words until it is
            // in, and the first ones, answered in that pause, do not share the CPU with it.
            var meaningLoaded = library.warmUp(MODEL_LOAD_PAUSE);
            String url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + app.port();
            // The command line reaches a server bound to every interface through loopback.
            String local = isWildcard(host) ? "http://127.0.0.1:" + app.port() : url;
            ServerRegistry.register(store.indexDir(), local, token);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (Boolean.getBoolean("painsearch.aot.recording")) {
                    // The launcher asked the JVM to write a start-up cache as it exits (see the launcher).
                    System.err.println("Saving a start-up cache so the next start is faster (a few seconds, once)…");
                }
                stopping = true;
                app.stop();
                try {
                    watcher.close();
                } catch (IOException e) {
                    // exiting anyway
                }
                ServerRegistry.unregister(store.indexDir());
                try {
                    library.close();
                } catch (IOException e) {
                    // exiting anyway; the corpus files hold every change, and the next start reconciles
                }
            }, "painsearch-shutdown"));
            // What she waited, indexing included on a first run; searches are answered from here on.
            out.printf("painsearch is ready at %s (serving %s; started in %.1f s)%n", url, library.corpus().root(),
                    secondsSinceStart());
            if (password != null) {
                out.println("A password protects it: browsers log in at " + url + "/login.html.");
            }
            out.println("Press Ctrl+C to stop.");
            out.flush();
            if (!built) {
                // Files edited, added or deleted while the server was stopped: searching works meanwhile. Started
                // once the meaning model is in (or failed), so the first searches do not share the CPU with both.
                // Ranking by words only, nothing loads: the check still waits a moment, so the first searches have
                // the machine to themselves.
                long checkFrom = System.nanoTime() + RECONCILE_PAUSE.toNanos();
                meaningLoaded.whenComplete((loaded, failed) -> Thread.ofPlatform().daemon().name("painsearch-reconcile")
                        .start(() -> {
                            try {
                                Thread.sleep(java.time.Duration.ofNanos(Math.max(0, checkFrom - System.nanoTime())));
                            } catch (InterruptedException e) {
                                return; // stopping
                            }
                            reconcile(library, out);
                        }));
            }
            meaningLoaded.thenRun(() -> {
                if (library.engine().defaultMode() == org.painsearch.engine.RankingMode.HYBRID) {
                    out.printf("Search by meaning is ready too (%.1f s after the start).%n", secondsSinceStart());
                    out.flush();
                }
            });
            return KEEP_RUNNING;
        } catch (IOException | RuntimeException e) {
            library.close();
            throw e;
        }
    }

    // Brings the index in step with the corpus, with progress in the terminal and on the page (GET /api/status).
    private static void reconcile(Library library, java.io.PrintWriter out) {
        org.painsearch.app.Reconciliation.Outcome outcome;
        try (var task = library.tasks().start("reconcile", "Checking the index against the corpus");
             var bar = new ConsoleProgress("Checking the index")) {
            outcome = library.reconcile(new Library.Progress() {
                @Override
                public void start(int total) {
                    bar.start(total);
                    task.start(total);
                }

                @Override
                public void stage(String name, int total) {
                    bar.stage(name, total);
                    task.stage(name, total);
                }

                @Override
                public void step(int done) {
                    bar.step(done);
                    task.step(done);
                }
            });
        } catch (IOException | RuntimeException e) {
            if (stopping) {
                return; // the server stopped in the middle of the check: the next start checks again
            }
            out.println("Could not compare the index with the corpus (" + e.getMessage()
                    + "); ./painsearch check says more.");
            out.flush();
            return;
        }
        try {
            library.engine().resumeVectors(); // documents a previous run left without vectors, in the background
        } catch (IOException | RuntimeException e) {
            out.println("Could not look for documents still without meaning vectors (" + e.getMessage() + ").");
        }
        // Printed once the bar is closed, so it starts a line of its own.
        if (!outcome.found().none()) {
            out.println("Brought the index in step with the corpus: " + outcome.summary() + ".");
            out.flush();
        }
    }

    // From the launcher's start when it says when that was (it passes the time in microseconds), else the JVM's.
    private static double secondsSinceStart() {
        String launched = System.getProperty("painsearch.launched", "");
        if (launched.matches("\\d{10,}")) {
            return (System.currentTimeMillis() - Long.parseLong(launched) / 1000) / 1000.0;
        }
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
