package org.painsearch.notes;

import java.util.List;

/** What an author writes: title, Markdown body, tags and whether the note is private. */
public record NoteDraft(String title, String body, List<String> tags, boolean isPrivate) {
    /** The longest body accepted: 1 MB of text. */
    public static final int MAX_BODY_CHARS = 1_000_000;

    public NoteDraft {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a note needs a title");
        }
        title = title.strip();
        if (title.length() > 300) {
            throw new IllegalArgumentException("the title is too long (" + title.length() + " characters; at most 300)");
        }
        body = body == null ? "" : body.replace("\r\n", "\n");
        if (body.length() > MAX_BODY_CHARS) {
            throw new IllegalArgumentException("the note is too long (" + body.length() + " characters; at most "
                    + MAX_BODY_CHARS + ")");
        }
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
