package org.painsearch.index;

/** Every field name in the index, in one place, with why each has the field type it has. */
public final class Fields {
    /** Bumped whenever the schema or analysis changes, so an older index is rebuilt rather than misread. */
    // 7: passage vectors by bge-small-en-v1.5 (vectors of another model would be misread as meaning).
    // 8: each document's content version, so the index can be compared with the corpus.
    // 9: type, tag, source and year counted from one facet field (FacetFields), no longer from doc values of each.
    public static final String SCHEMA_VERSION = "9";
    /** Commit user-data key holding {@link #SCHEMA_VERSION}. */
    public static final String SCHEMA_KEY = "painsearch.schema";

    // KeywordField: exact-match lookups, stored for display, doc values for ordering equal scores by id.
    public static final String ID = "id";
    // KeywordField (doc values only matter), on documents: the ContentVersion of the corpus file it was read from,
    // so reconciliation finds stale documents by reading doc values, never the stored text.
    public static final String VERSION = "version";
    // KeywordField on documents whose passage vectors are still being computed in the background, so a restart
    // finds and finishes them; meaning search does not find such a document until then (words do).
    public static final String VECTORS_PENDING = "vectors_pending";
    // NumericDocValuesField on documents: size and modification time of the corpus files read (see FileStamp), so
    // reconciliation hashes only files whose stamp changed. Absent for a file read while it could still change.
    public static final String FILE_SIZE = "file_size";
    public static final String FILE_MODIFIED = "file_modified";
    // KeywordField: "doc" for a whole document, "segment" for a timed podcast passage; searches always filter on it.
    public static final String KIND = "kind";
    // KeywordField on every doc of a block: updateDocuments(term(ROOT, id)) replaces a document and its segments at once.
    public static final String ROOT = "root";
    // StringField, stored: article, podcast or note; a filter, and a facet counted from FacetFields.FIELD.
    public static final String TYPE = "type";
    // TextField with offsets, stored: the most weighted text, highlighted in results.
    public static final String TITLE = "title";
    // TextField with offsets, stored: plain text of the body (Markdown removed), for matching and snippets.
    public static final String BODY = "body";
    // StoredField: the Markdown body as written, rendered on the document view.
    public static final String BODY_MARKDOWN = "body_md";
    // StringField, stored, multi-valued: exact tags for tag: filters; a facet counted from FacetFields.FIELD.
    public static final String TAG = "tag";
    // TextField: tags as words, so "central sensitization" matches the tag central-sensitization.
    public static final String TAGS_TEXT = "tags_text";
    // KeywordField, multi-valued: author names as written, for display.
    public static final String AUTHOR = "author";
    // TextField: author names as words, for author: filters and plain searches.
    public static final String AUTHORS_TEXT = "authors_text";
    // StringField, stored: journal, publisher or show; a filter, and a facet counted from FacetFields.FIELD.
    public static final String SOURCE = "source";
    // StringField: the year as text; a facet counted from FacetFields.FIELD.
    public static final String YEAR = "year";
    // IntField: the year as a number for year:2019..2023 ranges.
    public static final String YEAR_NUMBER = "year_number";
    // LongField: epoch day of publication, for sorting by date.
    public static final String PUBLISHED = "published";
    // StoredField: ISO date for display.
    public static final String PUBLISHED_TEXT = "published_text";
    // StoredField: the source's address.
    public static final String URL = "url";
    // KeywordField: the source's address, normalized, for "already imported?" and URL links.
    public static final String URL_KEY = "url_key";
    // KeywordField: DOI and PubMed id, for lookups.
    public static final String DOI = "doi";
    public static final String PMID = "pmid";
    // KeywordField, multi-valued, on notes: the ids they link to, so "which notes cite X" is one term query.
    public static final String LINKS = "links";
    // KeywordField on notes marked private: true, for is:private and for showing them as private.
    public static final String PRIVATE = "private";
    // StoredField: podcast show, episode, audio address and running time, for display.
    public static final String SHOW = "show";
    public static final String EPISODE = "episode";
    public static final String AUDIO = "audio";
    public static final String DURATION = "duration";
    // StoredField: the corpus file the document came from.
    public static final String PATH = "path";
    // IntField, on segments: start in seconds, stored for the hit's timestamp.
    public static final String START = "start";
    // StoredField, on transcript segments: "offset:seconds,..." where each cue starts in the segment's text, so a
    // hit's moment is the cue that speaks the matched words (see Segment.Mark).
    public static final String CUE_MARKS = "cue_marks";

    // TextField, docs only, not stored: title and body as whole lowercase words (no stems), the vocabulary that
    // "did you mean" corrections and autocomplete phrases are drawn from, so they read as real words.
    public static final String SPELL = "spell";
    // KnnFloatVectorField (cosine), on passage docs: a sentence vector of one passage, for search by meaning.
    public static final String VECTOR = "vector";

    /** Values of {@link #KIND}. */
    public static final String KIND_DOC = "doc";
    public static final String KIND_SEGMENT = "segment";
    // A passage of a document with its sentence vector; a document has as many as its text needs.
    public static final String KIND_PASSAGE = "passage";

    private Fields() {
    }
}
