package org.painsearch.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.painsearch.corpus.CorpusException;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.corpus.TextFiles;
import org.painsearch.notes.LinkCheck;
import org.painsearch.notes.Note;
import org.painsearch.notes.NoteDraft;
import org.painsearch.notes.NoteService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code painsearch note}: write, list, show and check notes from the terminal. */
@Command(name = "note", mixinStandardHelpOptions = true, description = "Write, list, show and check your notes.",
        subcommands = {NoteCommand.New.class, NoteCommand.ListNotes.class, NoteCommand.Show.class, NoteCommand.Lint.class})
final class NoteCommand implements Runnable {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code note new "Title"}. */
    @Command(name = "new", mixinStandardHelpOptions = true, description = "Create a note and index it.")
    static final class New implements Callable<Integer> {
        @Mixin
        private StoreOptions store;

        @Parameters(index = "0", paramLabel = "TITLE", description = "The note's title.")
        private String title;

        @Option(names = "--tag", description = "A tag (repeatable).")
        private List<String> tags = List.of();

        @Option(names = "--body-file", paramLabel = "FILE", description = "Markdown file holding the body.")
        private Path bodyFile;

        @Option(names = "--private", description = "Mark the note private (it talks about clients).")
        private boolean isPrivate;

        @Spec
        private picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            var out = spec.commandLine().getOut();
            String body = bodyFile == null ? "" : TextFiles.readUtf8(bodyFile, TextFiles.DEFAULT_MAX_BYTES);
            var draft = new NoteDraft(title, body, tags, isPrivate);
            var access = LocalIndex.open(store, out);
            String id;
            if (access.server() != null) {
                var answer = ServerRegistry.post(access.server(), "/api/notes",
                        Map.of("title", draft.title(), "body", draft.body(), "tags", draft.tags(), "isPrivate", isPrivate));
                id = answer.path("id").asString();
            } else {
                try (var library = access.library()) {
                    LocalIndex.ensureBuilt(library, out);
                    id = library.createNote(draft).id();
                    ConsoleProgress.finishVectors(library);
                }
            }
            out.println("created " + id + " (" + store.corpusDir().resolve("notes").resolve(id + ".md") + ")");
            return 0;
        }
    }

    /** {@code note list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List notes, most recently changed first.")
    static final class ListNotes implements Callable<Integer> {
        @Mixin
        private StoreOptions store;

        @Spec
        private picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            var out = spec.commandLine().getOut();
            List<Note> notes = new NoteService(new CorpusStore(store.corpusDir()), Clock.systemUTC()).list();
            for (Note n : notes) {
                out.printf("%-45s %-20s %s%s%n", n.id(), n.updated() == null ? n.created() : n.updated(), n.title(),
                        n.isPrivate() ? "  [private]" : "");
            }
            out.printf("%d note(s)%n", notes.size());
            return 0;
        }
    }

    /** {@code note show ID}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print a note and the state of its links.")
    static final class Show implements Callable<Integer> {
        @Mixin
        private StoreOptions store;

        @Parameters(index = "0", paramLabel = "ID", description = "The note's id.")
        private String id;

        @Spec
        private picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException, CorpusException {
            var out = spec.commandLine().getOut();
            var corpus = new CorpusStore(store.corpusDir());
            var service = new NoteService(corpus, Clock.systemUTC());
            var note = service.get(id).orElse(null);
            if (note == null) {
                spec.commandLine().getErr().println("painsearch: no note with id '" + id + "'");
                return 1;
            }
            out.println(note.title() + (note.isPrivate() ? "  [private]" : ""));
            out.println("id " + note.id() + " · version " + note.version() + " · tags " + String.join(", ", note.tags()));
            out.println();
            out.println(note.body().strip());
            var check = LinkCheck.of(corpus);
            var doc = corpus.read(service.fileOf(id));
            if (!doc.links().isEmpty()) {
                out.println();
                out.println("Links:");
                doc.links().forEach(l -> out.println("  " + (check.resolves(l) ? "ok          " : "unresolved  ")
                        + l.target() + (l.atSeconds() >= 0 ? " at " + org.painsearch.corpus.Timestamps.format(l.atSeconds()) : "")));
            }
            return 0;
        }
    }

    /** {@code note lint}. */
    @Command(name = "lint", mixinStandardHelpOptions = true,
            description = "List links in notes that point at nothing in the corpus.",
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {"0:every link resolves", "1:some links are unresolved or some files unreadable (listed)"})
    static final class Lint implements Callable<Integer> {
        @Mixin
        private StoreOptions store;

        @Spec
        private picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            var out = spec.commandLine().getOut();
            var check = LinkCheck.of(new CorpusStore(store.corpusDir()));
            check.unreadable().forEach(e -> out.println("unreadable  " + e.getMessage()));
            var unresolved = check.unresolved();
            unresolved.forEach(u -> out.printf("unresolved  %s: [[%s]]%n", u.file(), u.link().target()));
            out.printf("%d unresolved link(s), %d unreadable file(s)%n", unresolved.size(), check.unreadable().size());
            return unresolved.isEmpty() && check.unreadable().isEmpty() ? 0 : 1;
        }
    }
}
