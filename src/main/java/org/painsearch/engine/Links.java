package org.painsearch.engine;

import java.util.List;

/** The records of note linking: documents named by id, unlinked mentions, and the link graph. */
public final class Links {
    private Links() {
    }

    /** A document named by id, title, type and tags. */
    public record Ref(String id, String title, String type, List<String> tags) {
    }

    /** A source that mentions a note's title or tags without being linked from it, with the passage that does. */
    public record Mention(String id, String title, String type, List<Highlight> snippets) {
    }

    /** The link graph: notes and what they link to. */
    public record Graph(List<Ref> nodes, List<Edge> edges) {
    }

    /** A link from one document to another. */
    public record Edge(String source, String target) {
    }
}
