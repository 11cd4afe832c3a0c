package org.painsearch.ingest;

/** What a fetched or imported web page turned out to be: an article, or a page that only leads to others. */
public sealed interface PageKind {
    /** A page with an article's text. */
    record Article() implements PageKind {
    }

    /**
     * Not an article: {@code what} names the kind of page ("a list of links", "a sign-in page") and {@code why} the
     * reason it was judged so, both written to be shown to a person.
     */
    record NotArticle(String what, String why) implements PageKind {
        public NotArticle {
            if (what == null || what.isBlank() || why == null || why.isBlank()) {
                throw new IllegalArgumentException("a page that is not an article needs a kind and a reason");
            }
        }

        /** One line for an import or crawl report: "a list of links (…), not an article". */
        public String describe() {
            return what + " (" + why + "), not an article";
        }
    }
}
