package org.painsearch.notes;

import java.util.List;
import org.painsearch.corpus.SafeText;

/** What an author writes: title, Markdown body, tags and whether the note is private. */
public record NoteDraft(String title, String body, List<String> tags, boolean isPrivate) {
    /** The longest body accepted: 1 MB of text. */
    public static final int MAX_BODY_CHARS = 1_000_000;
    private static final int MAX_TAGS = 100;

    public NoteDraft {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a note needs a title");
        }
        // Checked before anything is written: such a character would make a file no reader accepts.
        title = SafeText.require("the title", title).strip();
        if (title.length() > 300) {
            throw new IllegalArgumentException("the title is too long (" + title.length() + " characters; at most 300)");
        }
        body = body == null ? "" : SafeText.require("the note", body).replace("\r\n", "\n");
        if (body.length() > MAX_BODY_CHARS) {
            throw new IllegalArgumentException("the note is too long (" + body.length() + " characters; at most "
                    + MAX_BODY_CHARS + ")");
        }
        if (tags != null && tags.size() > MAX_TAGS) {
            throw new IllegalArgumentException("too many tags (" + tags.size() + "; at most " + MAX_TAGS + ")");
        }
        if (tags != null && tags.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("a tag cannot be null; give tags as a list of words");
        }
        tags = tags == null ? List.of() : List.copyOf(tags);
        tags.forEach(tag -> SafeText.require("a tag", tag));
    }
}
