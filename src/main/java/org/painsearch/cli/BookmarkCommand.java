package org.painsearch.cli;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.painsearch.notes.BookmarkStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code painsearch bookmark}: add and list bookmarks. */
@Command(name = "bookmark", mixinStandardHelpOptions = true, description = "Add and list bookmarks.",
        subcommands = {BookmarkCommand.Add.class, BookmarkCommand.ListBookmarks.class})
final class BookmarkCommand implements Runnable {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static BookmarkStore store(StoreOptions options) {
        return new BookmarkStore(options.corpusDir().resolve("bookmarks.json"), Clock.systemUTC());
    }

    /** {@code bookmark add TARGET}. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Bookmark a document, a note or a search.")
    static final class Add implements Callable<Integer> {
        @Mixin
        private StoreOptions store;

        @Parameters(index = "0", paramLabel = "TARGET",
                description = "doc:<id>, note:<id> or search:<query string>, e.g. search:q=crps&type=article")
        private String target;

        @Option(names = "--label", description = "A label to find it by.")
        private String label;

        @Spec
        private picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            var b = store(store).add(target, label);
            spec.commandLine().getOut().println("bookmarked " + b.target() + " as " + b.id()
                    + (b.label() == null ? "" : " (" + b.label() + ")"));
            return 0;
        }
    }

    /** {@code bookmark list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List bookmarks by kind and label.")
    static final class ListBookmarks implements Callable<Integer> {
        @Mixin
        private StoreOptions store;

        @Spec
        private picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            var out = spec.commandLine().getOut();
            var all = store(store).list();
            for (var b : all) {
                out.printf("%-5s %-7s %s%s%n", b.id(), b.kind(), b.label() == null ? "" : b.label() + "  ", b.target());
            }
            out.printf("%d bookmark(s)%n", all.size());
            return 0;
        }
    }
}
