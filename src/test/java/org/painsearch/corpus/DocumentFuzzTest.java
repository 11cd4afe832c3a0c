package org.painsearch.corpus;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.List;

/** Fuzzes the corpus file reader (front matter, Markdown body, links) and timed text: a document or a reason. */
public class DocumentFuzzTest {
    private static final Path NOTE = Path.of("/corpus/notes/note-fuzz.md");

    /** One input: a corpus file's text, read as a document, and transcript text, read as cues. */
    public static void target(FuzzedDataProvider data) {
        String transcript = data.consumeString(2000);
        String text = data.consumeRemainingAsString();
        try {
            Document d = DocumentCodec.decode(text, NOTE, DocType.NOTE, List.of());
            d.links();
            DocumentCodec.encode(d);
        } catch (IllegalArgumentException refused) {
            // the file is not a document: refused with a reason, as reindex lists it
        }
        try {
            TimedText.segments(TimedText.cues(transcript));
        } catch (IllegalArgumentException refused) {
            // not a transcript
        }
        Link.parseAll(text);
    }

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"---\n", "id: ", "type: ", "title: ", "tags: [", "published: ", "created: ", "private: true",
            "url: ", "[[", "]]", "|", "#t=", "doi:", "WEBVTT\n\n", " --> ", "00:00:01.000", "00:01,000", "\n\n", "<v ",
            "- 00:12:30 ", "&", "*", ": ", "\"", "'", "!!", "{", "}"})
    void document(FuzzedDataProvider data) {
        target(data);
    }
}
