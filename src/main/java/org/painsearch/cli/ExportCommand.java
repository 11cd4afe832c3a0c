package org.painsearch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.painsearch.corpus.CorpusArchive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code painsearch export FILE.zip}: the whole library in one file, to keep or to move to another machine. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the library to one zip file: documents and transcripts, notes (with the trash and "
                + "refused edits), bookmarks, sources.yaml and synonyms.txt. The file is readable by you only.",
                "Restore it with: painsearch import FILE.zip"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:written", "1:could not be written, or FILE exists (use --force)"})
final class ExportCommand implements Callable<Integer> {
    @Mixin
    private StoreOptions store;

    @Parameters(paramLabel = "FILE.zip", description = "The zip file to write.")
    private Path file;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    private boolean force;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var out = spec.commandLine().getOut();
        Path zip = file.toAbsolutePath().normalize();
        if (Files.exists(zip) && !force) {
            throw new IOException(zip + " exists; choose another name or add --force to replace it");
        }
        Path corpus = store.corpusDir();
        if (!Files.isDirectory(corpus)) {
            throw new IOException("there is no corpus at " + corpus);
        }
        int files = CorpusArchive.export(corpus, zip);
        out.printf("Exported %d file(s) from %s to %s%n", files, corpus, zip);
        out.flush();
        return 0;
    }
}
