package org.painsearch.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.painsearch.app.Library;
import org.painsearch.engine.SearchRequest;
import org.painsearch.engine.SearchResponse;
import org.painsearch.engine.SortOrder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code painsearch search "query"}: results in the terminal. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search from the terminal: title, type, id and best snippet per result.",
                "Query syntax: words, \"phrases\", -exclude, OR, type: tag: author: source: year:2019..2023."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:at least one result", "1:no result"})
final class SearchCommand implements Callable<Integer> {
    @Mixin
    private StoreOptions store;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "What to search for.")
    private List<String> words;

    @Option(names = "--type", description = "Only this type: article, podcast or note (repeatable).")
    private List<String> types = List.of();

    @Option(names = "--tag", description = "Only documents with this tag (repeatable).")
    private List<String> tags = List.of();

    @Option(names = "--year", description = "Only these years: 2019 or 2015..2023.")
    private String year;

    @Option(names = "--sort", defaultValue = "relevance", description = "relevance or date (default: ${DEFAULT-VALUE}).")
    private String sort;

    @Option(names = {"-n", "--limit"}, defaultValue = "10", description = "Results to show (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    // An index that cannot even be read counts as not current: opening it for writing sets it aside and rebuilds.
    private Library openCurrent() {
        Library library = null;
        try {
            library = Library.open(store.engine().readingOnly(), java.time.Clock.systemUTC(), message -> { });
            if (library.engine().status().current()) {
                return library;
            }
        } catch (IOException | RuntimeException e) {
            // not current: built below
        }
        if (library != null) {
            try {
                library.close();
            } catch (IOException e) {
                // opened for reading only: nothing to lose
            }
        }
        return null;
    }

    @Override
    public Integer call() throws IOException {
        var out = spec.commandLine().getOut();
        for (String type : types) {
            if (org.painsearch.corpus.DocType.parse(type) == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--type '" + type + "' is not a type: use article, podcast or note.");
            }
        }
        Library current = openCurrent();
        if (current == null) {
            var access = LocalIndex.open(store, spec.commandLine().getErr());
            if (access.library() != null) {
                try (var library = access.library()) {
                    LocalIndex.ensureBuilt(library, spec.commandLine().getErr());
                }
            }
        }
        var request = new SearchRequest(String.join(" ", words), types, tags, List.of(), year, SortOrder.parse(sort), 1,
                Math.max(1, Math.min(limit, SearchRequest.MAX_SIZE)));
        SearchResponse response;
        // The same search as the page: hybrid when the index has vectors (and the ranking is not set to bm25).
        try (var library = current != null ? current
                : Library.open(store.engine().readingOnly(), java.time.Clock.systemUTC(), message -> { })) {
            response = library.engine().search(request);
        }
        if (response.notice() != null) {
            out.println("Note: " + response.notice());
        }
        if (response.hits().isEmpty()) {
            out.println("No results for: " + request.query());
            return 1;
        }
        out.printf("%d result(s) for: %s%n%n", response.total(), request.query());
        int rank = 1;
        boolean meaningShown = false;
        for (var hit : response.hits()) {
            if (!meaningShown && hit.matchedBy().equals(List.of("meaning"))) {
                out.println("Close in meaning, without your words:");
                out.println();
                meaningShown = true;
            }
            out.printf("%2d. %s%n    %s · %s%s%s%n", rank++, hit.title(), hit.type(), hit.id(),
                    hit.published() == null ? "" : " · " + hit.published(),
                    hit.timestamp() == null ? "" : " · at " + hit.timestamp());
            if (!hit.snippets().isEmpty()) {
                out.println("    " + TerminalText.of(hit.snippets().get(0)));
            }
            if (!hit.linkedNotes().isEmpty()) {
                out.println("    cited by: " + String.join("; ", hit.linkedNotes().stream()
                        .map(SearchResponse.NoteRef::title).toList()));
            }
            out.println();
        }
        return 0;
    }
}
