package org.painsearch.notes;

/**
 * A saved document, note or search.
 *
 * @param target {@code doc:<id>}, {@code note:<id>} or {@code search:<query string>} (as in the page's address,
 *               e.g. {@code search:q=crps&type=article})
 */
public record Bookmark(String id, String target, String label, String created) {
    public Bookmark {
        kindOf(target);
    }

    /** doc, note or search. */
    public String kind() {
        return kindOf(target);
    }

    /** The document or note id, or null for a search. */
    public String documentId() {
        return kind().equals("search") ? null : target.substring(target.indexOf(':') + 1);
    }

    static String kindOf(String target) {
        if (target != null) {
            int colon = target.indexOf(':');
            String kind = colon < 0 ? "" : target.substring(0, colon);
            String rest = colon < 0 ? "" : target.substring(colon + 1).strip();
            if ((kind.equals("doc") || kind.equals("note")) && org.painsearch.corpus.Document.isValidId(rest)) {
                return kind;
            }
            if (kind.equals("search") && !rest.isEmpty()) {
                return kind;
            }
        }
        throw new IllegalArgumentException("a bookmark target is doc:<id>, note:<id> or search:<query> (got: "
                + target + ")");
    }
}
