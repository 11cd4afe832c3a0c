package org.painsearch.ingest;

import org.painsearch.corpus.Document;

/** A web page read for the corpus: an article to store, or a page that is not one (its links may still be followed). */
public sealed interface PageDocument {
    /** The page's article. */
    record Article(Document document) implements PageDocument {
    }

    /** Not an article; {@code kind} says what it is and why. */
    record NotArticle(PageKind.NotArticle kind) implements PageDocument {
    }
}
