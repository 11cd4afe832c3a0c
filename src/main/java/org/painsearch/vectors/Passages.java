package org.painsearch.vectors;

import java.util.ArrayList;
import java.util.List;
import org.painsearch.corpus.Document;
import org.painsearch.corpus.Segment;
import org.painsearch.index.DocumentMapper;

/**
 * Cuts a document into the passages that are embedded: the model reads about 250 word pieces, so a long article
 * or a transcript becomes several windows of words, each led by the title so it keeps its subject.
 */
public final class Passages {
    /** Words per passage; with the title this stays inside what the model reads. */
    static final int WORDS = 120;
    // Windows overlap so a sentence cut at one window's end is whole in the next.
    static final int OVERLAP = 20;
    // A document embeds at most this many passages: enough for an hour-long transcript, bounded for pasted books.
    static final int MAX_PASSAGES = 64;

    private Passages() {
    }

    /** The passages of {@code d}: its title with the first words, then further windows of its text. */
    public static List<String> of(Document d) {
        var text = new StringBuilder(DocumentMapper.plainText(d.body()));
        for (Segment s : d.segments()) {
            if (text.indexOf(s.text()) < 0) {
                text.append('\n').append(s.text());
            }
        }
        return split(d.title(), text.toString());
    }

    /** {@code title} followed by windows of {@code text}; just the title when there is no text. */
    public static List<String> split(String title, String text) {
        String[] words = text.strip().isEmpty() ? new String[0] : text.strip().split("\\s+");
        var out = new ArrayList<String>();
        if (words.length == 0) {
            out.add(title);
            return out;
        }
        for (int start = 0; start < words.length && out.size() < MAX_PASSAGES; start += WORDS - OVERLAP) {
            int end = Math.min(words.length, start + WORDS);
            out.add(title + ". " + String.join(" ", java.util.Arrays.asList(words).subList(start, end)));
            if (end == words.length) {
                break;
            }
        }
        return out;
    }
}
