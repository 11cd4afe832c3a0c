package org.painsearch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.TestCorpus;
import org.painsearch.corpus.CorpusException;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.index.IndexService;

/** A rebuild reads, parses and writes on every core, still reporting unreadable files and counting every file. */
class LibraryRebuildTest {
    @TempDir
    Path dir;

    @Test
    void unreadableFilesAreReportedAndLeftOutAndProgressCountsEveryFile() throws Exception {
        Path corpus = TestCorpus.write(dir);
        TestCorpus.file(corpus, "articles/broken.md", """
                ---
                title: [never closed
                ---
                Text.
                """);
        try (var library = org.painsearch.Libraries.open(new CorpusStore(corpus), IndexService.openWritable(dir.resolve("index")))) {
            int files = library.corpus().documentFiles().size();
            var steps = new CopyOnWriteArrayList<Integer>();
            var report = library.rebuild(new Library.Progress() {
                @Override
                public void start(int total) {
                    assertThat(total).isEqualTo(files);
                }

                @Override
                public void step(int done) {
                    steps.add(done);
                }
            });

            assertThat(report.problems()).extracting(CorpusException::getMessage).singleElement().asString()
                    .contains("broken.md");
            assertThat(report.indexed()).isEqualTo(files - 1);
            assertThat(steps).hasSize(files).last().isEqualTo(files);
            assertThat(library.engine().contentVersions()).hasSize(files - 1).doesNotContainKey("broken");
        }
    }
}
