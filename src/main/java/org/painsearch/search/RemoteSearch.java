package org.painsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.painsearch.engine.Highlight;
import org.painsearch.engine.QueryDetails;
import org.painsearch.engine.SearchRequest;
import org.painsearch.engine.UserQuery;
import org.painsearch.index.Analysis;
import org.painsearch.index.Fields;

/**
 * painsearch's reading of a search, for a backend that runs the queries elsewhere (OpenSearch): the same parsing,
 * synonyms, field weights, question reading and filters as the embedded search, the same fallbacks when the strict
 * reading finds nothing (any of the words, then the words without syntax), each decided by a count the backend
 * answers, and the same snippets, cut by the embedded highlighter from the hits' text.
 */
public final class RemoteSearch {
    private final RankingConfig config;

    /** A reader ranking with {@code config}. */
    public RemoteSearch(RankingConfig config) {
        this.config = config;
    }

    /** The configuration queries are built with: its field weights are the combined fields' weights. */
    public RankingConfig config() {
        return config;
    }

    /** The fields plain words are spread over as one BM25F field, with their weights, in order. */
    public Map<String, Float> combinedFields() {
        var out = new java.util.LinkedHashMap<String, Float>();
        out.put(Fields.TITLE, config.titleWeight());
        out.put(Fields.TAGS_TEXT, config.tagsWeight());
        out.put(Fields.AUTHORS_TEXT, config.authorsWeight());
        out.put(Fields.BODY, 1f);
        return out;
    }

    /** How many documents a query matches, answered by the backend. */
    @FunctionalInterface
    public interface Counter {
        long count(Query query) throws IOException;
    }

    /** The link and bookmark filters, as queries in the index's fields, answered by the backend at search time. */
    public interface LinkQueries {
        /** Documents some document links to ({@code cited:yes}). */
        Query cited() throws IOException;

        /** Documents linking to {@code id} or linked from it ({@code linked:ID}). */
        Query linked(String id) throws IOException;

        /** The bookmarked documents. */
        Query bookmarked();
    }

    /**
     * A search as read.
     *
     * @param hits      what a hit matches: the words as read, the filters, documents only (not their passages)
     * @param words     the words' part alone, for snippets
     * @param wordTotal how many documents {@code hits} matches
     * @param notices   what a person should know about how the query was read, in order
     * @param details   the query as understood; null for an empty query
     * @param text      the query's words as typed, without its filters
     * @param constraints the typed exclusions and required words a match by meaning must honour too (null: none, or
     *                    the text was read as a question or as plain words)
     * @param filtered  a query over documents narrowed by the search's filters, documents only
     */
    public record Plan(Query hits, Query words, long wordTotal, List<String> notices, QueryDetails details,
                       String text, Query constraints, java.util.function.UnaryOperator<Query> filtered) {
    }

    /** Meaning search's notice while the model loads: the answer is by words. */
    public static final String MEANING_LOADING = Ranker.MEANING_LOADING;
    /**
     * How much below the meaning threshold a radius search over passages looks, so that it finds the close passages
     * only reachable through less close ones (the embedded search's traversal margin).
     */
    public static final float TRAVERSAL_MARGIN = Meaning.TRAVERSAL_MARGIN;
    /** How many of each ranking take part in the fusion. */
    public static final int FUSION_DEPTH = Ranker.FUSION_DEPTH;

    /** The explanation of a fused hit, in the embedded search's words (ranks null when not in that ranking). */
    public static String fusionExplained(int k, Integer wordRank, Integer meaningRank, float fused) {
        return Ranker.fusionExplained(k, wordRank, meaningRank, fused);
    }

    /** The explanation of a hit found by meaning only, in the embedded search's words. */
    public static String meaningOnlyExplained(float cosine) {
        return Ranker.meaningOnlyExplained(cosine);
    }

    /** The cosine of a vector score as Lucene (and so OpenSearch's lucene engine) gives it: {@code (1 + cos) / 2}. */
    public static float cosine(float vectorScore) {
        return Meaning.cosine(vectorScore);
    }

    /** True when {@code meaning} can embed a query now, without waiting for its model. */
    public static boolean ready(Meaning meaning) {
        return meaning.ready();
    }

    /** The query's vector. */
    public static float[] embed(Meaning meaning, String text) {
        return meaning.embed(text);
    }

    /**
     * Reads {@code request} as the embedded search does, asking {@code counter} whether a reading finds anything
     * before falling back to a looser one.
     */
    public Plan plan(SearchRequest request, Analyzer analyzer, LinkQueries links, Counter counter) throws IOException {
        var notices = new ArrayList<String>();
        UserQuery typed = SearchService.capWords(UserQuery.parse(request.query()), notices);
        notices.addAll(typed.problems());
        var context = new QueryFactory.LinkContext() {
            @Override
            public Query cited() throws IOException {
                return links.cited();
            }

            @Override
            public Query linked(String id) throws IOException {
                return links.linked(id);
            }

            @Override
            public Query bookmarked() {
                return links.bookmarked();
            }
        };
        var clauses = new ArrayList<>(QueryFactory.filters(typed.filters(), context));
        clauses.addAll(QueryFactory.filters(request.filters(), context));
        String text = typed.text();
        var reading = QueryFactory.read(text, analyzer, config);
        Query words = reading.query();
        long total = counter.count(QueryFactory.combine(words, clauses, null));
        String relaxedNotice = null;
        if (total == 0 && reading.relaxable()) {
            var anyWord = QueryFactory.anyWords(text, analyzer, config);
            long relaxed = counter.count(QueryFactory.combine(anyWord.query(), clauses, null));
            if (relaxed > 0) {
                words = anyWord.query();
                total = relaxed;
                relaxedNotice = Ranker.AND_RELAXED;
            }
        }
        boolean readAsPlainWords = false;
        if (total == 0 && QueryFactory.isSentence(text) && QueryFactory.looksLikeSyntax(text)) {
            var plain = QueryFactory.read(QueryFactory.asPlainWords(text), analyzer, config);
            long found = counter.count(QueryFactory.combine(plain.query(), clauses, null));
            if (found > 0) {
                reading = plain;
                words = plain.query();
                total = found;
                relaxedNotice = Ranker.SYNTAX_RELAXED;
                readAsPlainWords = true;
            }
        }
        Query constraints = reading.question() || readAsPlainWords || text.isBlank() ? null
                : QueryFactory.constraints(text, analyzer, FieldExpansion.of(config));
        if (reading.syntaxProblem() != null) {
            notices.add(0, "Your query could not be read as search syntax (" + reading.syntaxProblem()
                    + "), so it was searched as plain words.");
        }
        if (relaxedNotice != null) {
            notices.add(relaxedNotice);
        }
        var details = text.isBlank() ? null : QueryReadings.of(text, reading, words, relaxedNotice != null);
        return new Plan(QueryFactory.combine(words, clauses, null), words, total, notices, details, text, constraints,
                q -> QueryFactory.combine(q, clauses, null));
    }

    /**
     * A document as the backend returned it: its id, the text of its body (one or more values) and its body as
     * written (null when not needed), which says where its links are.
     */
    public record Text(String id, List<String> body, String markdown) {
        public Text(String id, List<String> body) {
            this(id, body, null);
        }
    }

    /**
     * Up to {@code perDoc} snippets for each of {@code docs}, marked where {@code words} matches, as the embedded
     * search cuts them (sentences, the best passages first; a document's opening when nothing matched);
     * {@code everyDocMatches} when all of them match the words (ranked by words only).
     */
    public static List<List<Highlight>> snippets(List<Text> docs, Query words, int perDoc, Analyzer analyzer,
                                                 boolean everyDocMatches,
                                                 java.util.function.Function<String, String> titleOfKey)
            throws IOException {
        // Ranked by words only, every hit matches the words: only their part in the body can mark snippets.
        boolean matchingDocs = everyDocMatches;
        if (docs.isEmpty()) {
            return List.of();
        }
        try (var dir = new ByteBuffersDirectory();
             var writer = new IndexWriter(dir, new IndexWriterConfig(Analysis.writerAnalyzer()))) {
            for (Text t : docs) {
                var doc = new org.apache.lucene.document.Document();
                doc.add(new StringField(Fields.ID, t.id(), Field.Store.YES));
                for (String body : t.body()) {
                    doc.add(new Field(Fields.BODY, body, BODY_WITH_OFFSETS));
                }
                writer.addDocument(doc);
            }
            writer.commit();
            try (var reader = DirectoryReader.open(dir)) {
                var searcher = new IndexSearcher(reader);
                int[] ids = new int[docs.size()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = i; // one segment, added in order
                }
                var marking = matchingDocs ? HighlightQuery.forMatchingDocs(words, Fields.BODY) : words;
                var marked = Snippets.highlight(searcher, analyzer, Fields.BODY, marking, ids, perDoc, Set.of(Fields.ID));
                // The indexed text holds a link's target as written; a person reads the title of what it points at.
                var names = titleOfKey == null ? null : new LinkNames(titleOfKey);
                var out = new ArrayList<List<Highlight>>();
                for (int i = 0; i < docs.size(); i++) {
                    String markdown = docs.get(i).markdown();
                    out.add(marked.snippets().get(i).stream()
                            .map(sn -> Highlights.of(names == null ? sn : names.inSnippet(sn, markdown))).toList());
                }
                return out;
            }
        }
    }

    private static final FieldType BODY_WITH_OFFSETS = bodyWithOffsets();

    private static FieldType bodyWithOffsets() {
        var type = new FieldType(org.apache.lucene.document.TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    /** The link keys of the {@code [[links]]} in {@code markdown} (null for none). */
    public static List<String> linkKeys(String markdown) {
        return markdown == null ? List.of() : org.painsearch.corpus.Link.parseAll(markdown).stream()
                .map(org.painsearch.corpus.Link::key).toList();
    }

    /** Documents (not passages or segments) matching {@code query}. */
    public static Query docsOnly(Query query) {
        return NoteLinks.docsOnly(query);
    }

    /** Documents answering to any of the link {@code keys}: by id, DOI or address. */
    public static Query answeringTo(java.util.Collection<String> keys) {
        return NoteLinks.answeringTo(keys);
    }

    /**
     * The sentence of {@code markdown} around {@code start..end} as plain text, its links named by the title
     * {@code titleOfKey} gives a link key (null for a link to nothing).
     */
    public static String sentenceAround(String markdown, int start, int end,
                                        java.util.function.Function<String, String> titleOfKey) {
        return LinkContexts.sentenceAround(markdown, start, end, new LinkNames(titleOfKey));
    }

    /** The sentence of {@code markdown} holding its first link to one of {@code keys}, or null. */
    public static String sentenceLinking(String markdown, java.util.Collection<String> keys,
                                         java.util.function.Function<String, String> titleOfKey) {
        return LinkContexts.sentenceLinking(markdown, keys, new LinkNames(titleOfKey));
    }

    /**
     * The words of a document that {@code query} (any of its words) matches, as {@code QueryMarks} finds them in the
     * embedded index: {@code title} and {@code texts} (the body, then podcast segments).
     */
    public static List<String> marks(String title, List<String> texts, String query, Analyzer analyzer)
            throws IOException {
        String text = query == null ? "" : UserQuery.parse(query).text();
        if (text.isBlank()) {
            return List.of();
        }
        Query words = QueryFactory.text(text, analyzer, false, FieldExpansion.of(RankingConfig.DEFAULT)).query();
        try (var dir = new ByteBuffersDirectory();
             var writer = new IndexWriter(dir, new IndexWriterConfig(Analysis.writerAnalyzer()))) {
            var doc = new org.apache.lucene.document.Document();
            if (title != null) {
                doc.add(new Field(Fields.TITLE, title, BODY_WITH_OFFSETS));
            }
            for (String body : texts) {
                doc.add(new Field(Fields.BODY, body, BODY_WITH_OFFSETS));
            }
            writer.addDocument(doc);
            writer.commit();
            try (var reader = DirectoryReader.open(dir)) {
                return QueryMarks.matched(new IndexSearcher(reader), analyzer, words, new int[] {0});
            }
        }
    }

    /** The query completing a {@code [[} link typed so far (see {@code LinkTools}); null when nothing was typed. */
    public static Query linkSuggestions(String typed) {
        return LinkTools.suggestQuery(typed);
    }

    /**
     * The query finding the sources that name note {@code noteId} (its {@code title} or one of its {@code tags} as a
     * phrase) without its linking to them ({@code linkedIds}), and the query marking the naming in their text.
     */
    public static Query[] mentions(String noteId, String title, List<String> tags, List<String> linkedIds) {
        var q = LinkTools.mentionQueries(noteId, title, tags, linkedIds);
        return new Query[] {q.find(), q.mark()};
    }

    /** Snippets marked by {@code mark}, cut by the analyzer documents are indexed with (unlinked mentions). */
    public static List<List<Highlight>> indexSnippets(List<Text> docs, Query mark, int perDoc) throws IOException {
        return snippets(docs, mark, perDoc, Analysis.indexAnalyzer(), false, null);
    }

    /** A podcast segment as the backend returned it: its podcast, start, text and cue marks as stored. */
    public record SegmentText(String root, long start, String body, String cueMarks) {
    }

    /** The moment a podcast hit links to: where the matched words are spoken, and the passage saying them. */
    public record Moment(long seconds, Highlight snippet) {
    }

    /**
     * The moment of each podcast whose best-matching segment for {@code text} (any of its words, the backend's
     * pick) is among {@code best}, found as the embedded search finds it: the cue holding most matched words.
     */
    public static Map<String, Moment> moments(List<SegmentText> best, String text, Analyzer analyzer) throws IOException {
        var out = new java.util.HashMap<String, Moment>();
        if (best.isEmpty() || text.isBlank()) {
            return out;
        }
        try (var dir = new ByteBuffersDirectory();
             var writer = new IndexWriter(dir, new IndexWriterConfig(Analysis.writerAnalyzer()))) {
            for (var segment : best) {
                var doc = new org.apache.lucene.document.Document();
                doc.add(new org.apache.lucene.document.KeywordField(Fields.ROOT, segment.root(), Field.Store.YES));
                doc.add(new StringField(Fields.KIND, Fields.KIND_SEGMENT, Field.Store.NO));
                doc.add(new Field(Fields.BODY, segment.body(), BODY_WITH_OFFSETS));
                doc.add(new org.apache.lucene.document.StoredField(Fields.START, segment.start()));
                if (segment.cueMarks() != null) {
                    doc.add(new org.apache.lucene.document.StoredField(Fields.CUE_MARKS, segment.cueMarks()));
                }
                writer.addDocument(doc);
            }
            writer.commit();
            try (var reader = DirectoryReader.open(dir)) {
                var found = PodcastMoments.bestOf(new IndexSearcher(reader), analyzer,
                        best.stream().map(SegmentText::root).toList(), text);
                found.forEach((root, m) -> out.put(root, new Moment(m.seconds(), Highlights.of(m.snippet()))));
            }
        }
        return out;
    }

    /** The query finding each podcast's segments that match {@code text} (any of its words) among {@code ids}. */
    public static Query segmentsMatching(String text, Analyzer analyzer, List<String> ids) {
        return PodcastMoments.segmentsQuery(text, analyzer, ids);
    }

    /** A podcast hit's snippets: its moment's passage first, then its others that say something else. */
    public static List<Highlight> withMoment(List<Highlight> snippets, Moment moment, int perHit) {
        var merged = new ArrayList<Highlight>();
        merged.add(moment.snippet());
        snippets.stream().filter(s -> !SearchService.sameWords(s.text(), moment.snippet().text())).limit(perHit - 1)
                .forEach(merged::add);
        return merged;
    }

    /** Below this many word matches, a search offers a corrected query when one exists. */
    public static final int FEW_RESULTS = SpellCheck.FEW_RESULTS;

    /** The words of a query a spelling correction looks at: lower-cased, without operators or repeats. */
    public static java.util.Set<String> spellingWords(String text) {
        return SpellCheck.words(text);
    }

    /** {@code text} with the words {@code corrections} has a better spelling for replaced; null when none. */
    public static String corrected(String text, Map<String, String> corrections) {
        return SpellCheck.corrected(text, corrections);
    }
}
