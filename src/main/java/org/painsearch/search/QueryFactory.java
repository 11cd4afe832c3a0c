package org.painsearch.search;

import org.painsearch.engine.UserQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.painsearch.index.Analysis;
import org.painsearch.index.Fields;
import org.painsearch.engine.Filter;

/** Builds Lucene queries from a {@link org.painsearch.engine.UserQuery}: weighted fields for the text, exact clauses for filters. */
final class QueryFactory {
    // "word:" is field syntax to the parser; only these fields may be named, any other colon is a plain character.
    private static final Pattern FOREIGN_FIELD = Pattern.compile("(?<![\\\\\\w])(?!(?:title|body):)(\\w+):");
    private static final Analyzer INDEX_ANALYZER = Analysis.indexAnalyzer();

    private QueryFactory() {
    }

    /** The parsed text query, or the reason it could not be parsed. */
    record TextQuery(Query query, String syntaxProblem) {
    }

    // Plain words at least this many are read as a question: ranked by how much of it a document covers.
    static final int QUESTION_WORDS = 4;
    // A question mark ending a word is punctuation in a typed question, not the one-letter wildcard.
    private static final Pattern TRAILING_QUESTION_MARK = Pattern.compile("(?<=\\S)\\?+(?=\\s|$)");

    /**
     * How a query was read: as a question (any words, more and closer is better), or as all words (relaxable
     * to any words when that is plain words without syntax).
     */
    record Reading(Query query, String syntaxProblem, boolean question, boolean relaxable) {
    }

    /** Reads free text the way the search box means it. */
    static Reading read(String text, Analyzer analyzer, RankingConfig config) {
        String plain = TRAILING_QUESTION_MARK.matcher(text).replaceAll("");
        if (isQuestion(plain)) {
            return new Reading(Acronyms.asWritten(QuestionQuery.build(text, analyzer, config), text), null, true, false);
        }
        var t = text(plain, analyzer, true, FieldExpansion.of(config));
        return new Reading(Acronyms.asWritten(t.query(), plain), t.syntaxProblem(), false, mayRelax(plain));
    }

    /** Any of the words of {@code text} (a search for all of them found nothing), read as {@link #read} reads them. */
    static TextQuery anyWords(String text, Analyzer analyzer, RankingConfig config) {
        var t = text(text, analyzer, false, FieldExpansion.of(config));
        return new TextQuery(Acronyms.asWritten(t.query(), text), t.syntaxProblem());
    }

    // Brackets, colons and lone dashes in a long sentence are punctuation ("lens (eye) proteins: a - b");
    // quotes, operators, -exclusions, wildcards and boosts are syntax and taken as meant.
    private static final Pattern QUESTION_SYNTAX = Pattern.compile(
            "\"|\\b(AND|OR|NOT)\\b|(^|\\s)[-+!]\\S|[*~^]|\\b(title|body):\\S");

    /** True when {@code text} has as many words as a question: long enough that symbols in it may be prose. */
    static boolean isSentence(String text) {
        return text.strip().split("\\s+").length >= QUESTION_WORDS;
    }

    static boolean isQuestion(String text) {
        return text.strip().split("\\s+").length >= QUESTION_WORDS && !QUESTION_SYNTAX.matcher(text).find();
    }

    // Relaxing AND to OR helps only for several plain words; explicit syntax is taken as meant.
    static boolean mayRelax(String text) {
        return text.strip().contains(" ") && !text.matches("(?s).*(\"|\\bAND\\b|\\bOR\\b|\\bNOT\\b|(^|\\s)(\\+|-\\d)|[*(){}\\[\\]^~]|\\b(title|body):).*");
    }

    /**
     * Parses free text with AND (or OR) between words; on a syntax error, searches the text as plain words
     * and returns the problem so the caller can say so.
     */
    static TextQuery text(String text, Analyzer analyzer, boolean allWords, FieldExpansion fields) {
        if (text.isBlank()) {
            return new TextQuery(MatchAllDocsQuery.INSTANCE, null);
        }
        String safe = FOREIGN_FIELD.matcher(text).replaceAll("$1\\\\:");
        try {
            return new TextQuery(mustMatchSomething(fields.expand(parser(analyzer, allWords).parse(safe))), null);
        } catch (ParseException | RuntimeException e) {
            String plain = QueryParser.escape(text.replace("\"", " "));
            String problem = describe(text);
            try {
                return new TextQuery(mustMatchSomething(fields.expand(parser(analyzer, allWords).parse(plain))), problem);
            } catch (ParseException | RuntimeException again) {
                return new TextQuery(new MatchNoDocsQuery("unparseable: " + text), problem);
            }
        }
    }

    // Characters that make text search syntax: quotes, +/- before a word, brackets, operators, wildcards, boosts.
    private static final Pattern SYNTAX = Pattern.compile("[\"()\\[\\]{}*?~^]|(^|\\s)[-+!]\\S|\\b(AND|OR|NOT)\\b|&&|\\|\\|");

    /** True when {@code text} holds something the parser reads as syntax rather than as a word. */
    static boolean looksLikeSyntax(String text) {
        return SYNTAX.matcher(text).find();
    }

    /** The text with every syntax character made plain, so the parser sees only words. */
    static String asPlainWords(String text) {
        String words = text.replaceAll("[\"()\\[\\]{}*?~^!:\\\\/]|&&|\\|\\|", " ")
                .replaceAll("(^|\\s)[-+]+(?=\\S)", "$1")
                .replaceAll("\\bAND\\b", "and").replaceAll("\\bOR\\b", "or").replaceAll("\\bNOT\\b", "not");
        return words.replaceAll("\\s+", " ").strip();
    }

    /**
     * What every hit must honour whatever found it: the typed exclusions ({@code -sleep}) and required words
     * ({@code +sleep}), as filters; null when the text has none.
     */
    static Query constraints(String text, Analyzer analyzer, FieldExpansion fields) {
        var t = text(text, analyzer, false, fields);
        if (t.syntaxProblem() != null || !(Acronyms.asWritten(t.query(), text) instanceof BooleanQuery bq)) {
            return null;
        }
        var b = new BooleanQuery.Builder();
        boolean any = false;
        boolean required = false;
        for (var c : bq.clauses()) {
            if (c.occur() == Occur.MUST_NOT) {
                b.add(c.query(), Occur.MUST_NOT);
                any = true;
            } else if (c.occur() == Occur.MUST && !(c.query() instanceof MatchAllDocsQuery)) {
                b.add(c.query(), Occur.FILTER);
                any = required = true;
            }
        }
        if (!any) {
            return null;
        }
        if (!required) {
            b.add(MatchAllDocsQuery.INSTANCE, Occur.FILTER);
        }
        return b.build();
    }

    /** What filters about links and bookmarks need to know, answered by the searcher at hand. */
    interface LinkContext {
        Query cited() throws java.io.IOException;

        Query linked(String id) throws java.io.IOException;

        Query bookmarked();
    }

    /** A clause for each filter, in this index's fields. */
    static List<FilterClause> filters(List<Filter> filters, LinkContext links) throws java.io.IOException {
        var out = new ArrayList<FilterClause>();
        for (var f : filters) {
            out.add(new FilterClause(dimension(f), query(f, links), f.exclude()));
        }
        return out;
    }

    private static Query query(Filter f, LinkContext links) throws java.io.IOException {
        return switch (f) {
            case Filter.TypeIs t -> new TermQuery(new Term(Fields.TYPE, t.type().name().toLowerCase(Locale.ROOT)));
            case Filter.TagIs t -> new TermQuery(new Term(Fields.TAG, t.tag()));
            case Filter.SourceIs s -> new TermQuery(new Term(Fields.SOURCE, s.source()));
            case Filter.AuthorIs a -> phrase(Fields.AUTHORS_TEXT, a.author());
            case Filter.YearIn y -> IntField.newRangeQuery(Fields.YEAR_NUMBER, y.from(), y.to());
            case Filter.Cited c -> c.cited() ? links.cited() : new BooleanQuery.Builder()
                    .add(MatchAllDocsQuery.INSTANCE, Occur.MUST).add(links.cited(), Occur.MUST_NOT).build();
            case Filter.LinksTo l -> links.linked(l.id());
            case Filter.Bookmarked b -> links.bookmarked();
            case Filter.IsPrivate p -> new TermQuery(new Term(Fields.PRIVATE, "true"));
        };
    }

    // The facet a filter narrows: a facet's counts ignore the filters of its own dimension.
    private static String dimension(Filter f) {
        return switch (f) {
            case Filter.TypeIs t -> "type";
            case Filter.TagIs t -> "tag";
            case Filter.SourceIs s -> "source";
            case Filter.AuthorIs a -> "author";
            case Filter.YearIn y -> "year";
            case Filter.Cited c -> "cited";
            case Filter.LinksTo l -> "linked";
            case Filter.Bookmarked b -> "is";
            case Filter.IsPrivate p -> "is";
        };
    }

    /** One filter as a query, with the facet dimension it belongs to. */
    record FilterClause(String dimension, Query query, boolean exclude) {
    }

    /** Documents only (not podcast segments) matching {@code text} and every filter but those of {@code skipDim}. */
    static Query combine(Query text, List<FilterClause> filters, String skipDim) {
        var b = new BooleanQuery.Builder();
        b.add(text, Occur.MUST);
        b.add(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOC)), Occur.FILTER);
        // Types and sources are alternatives (type:article type:podcast); every other filter narrows.
        var byDim = new java.util.LinkedHashMap<String, BooleanQuery.Builder>();
        for (var f : filters) {
            if (f.dimension().equals(skipDim)) {
                continue;
            }
            if (f.exclude()) {
                b.add(f.query(), Occur.MUST_NOT);
            } else if (f.dimension().equals("type") || f.dimension().equals("source")) {
                byDim.computeIfAbsent(f.dimension(), k -> new BooleanQuery.Builder()).add(f.query(), Occur.SHOULD);
            } else {
                b.add(f.query(), Occur.FILTER);
            }
        }
        byDim.values().forEach(any -> b.add(any.build(), Occur.FILTER));
        return b.build();
    }

    private static Query phrase(String field, String value) {
        var builder = new org.apache.lucene.util.QueryBuilder(INDEX_ANALYZER);
        Query q = builder.createPhraseQuery(field, value);
        return q == null ? new MatchNoDocsQuery("no terms in: " + value) : q;
    }

    /** A parser reading plain words into {@link FieldExpansion#ANY}, to be spread over the real fields. */
    static QueryParser parser(Analyzer analyzer, boolean allWords) {
        float synonymTie = RankingConfig.DEFAULT.synonymTie();
        var parser = new QueryParser(FieldExpansion.ANY, analyzer) {
            // The ways a synonym rule lets a concept be written ("hiv" or "human immunodeficiency virus") are one
            // concept: a document writing it both ways counts it about once, like one word, not twice.
            @Override
            protected Query newGraphSynonymQuery(java.util.Iterator<Query> alternatives) {
                // Ways that read the same once stemmed ("endorphin" and "endorphins") are one way: kept twice, the
                // second would add its tie share to every document writing it, as if the concept were there twice.
                var all = new java.util.LinkedHashSet<Query>();
                // A phrase scores the sum of its words' weights; as one way of writing a concept it weighs as one word.
                alternatives.forEachRemaining(q -> all.add(q instanceof org.apache.lucene.search.PhraseQuery p
                        && p.getTerms().length > 1 ? new org.apache.lucene.search.BoostQuery(q, 1f / p.getTerms().length) : q));
                return all.size() == 1 ? all.iterator().next()
                        : new org.apache.lucene.search.DisjunctionMaxQuery(all, synonymTie);
            }
        };
        parser.setDefaultOperator(allWords ? QueryParser.AND_OPERATOR : QueryParser.OR_OPERATOR);
        parser.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        parser.setSplitOnWhitespace(false);
        return parser;
    }

    // "-massage" alone means "everything but massage", which Lucene needs spelled as match-all minus massage.
    private static Query mustMatchSomething(Query q) {
        if (q instanceof BooleanQuery bq && !bq.clauses().isEmpty()
                && bq.clauses().stream().allMatch(c -> c.occur() == Occur.MUST_NOT)) {
            var b = new BooleanQuery.Builder().add(MatchAllDocsQuery.INSTANCE, Occur.MUST);
            bq.clauses().forEach(b::add);
            return b.build();
        }
        return q;
    }

    // A short reason in the user's terms; the parser's own messages name grammar states.
    static String describe(String text) {
        long quotes = text.chars().filter(c -> c == '"').count();
        if (quotes % 2 == 1) {
            return "a quotation mark is not closed";
        }
        int depth = 0;
        for (char c : text.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return "a closing bracket has no opening one";
            }
        }
        if (depth > 0) {
            return "a bracket is not closed";
        }
        if (text.strip().matches("(?s).*\\b(AND|OR|NOT)$|^(AND|OR)\\b.*")) {
            return "AND, OR or NOT needs words on both sides";
        }
        return "it has an operator or symbol out of place";
    }
}
