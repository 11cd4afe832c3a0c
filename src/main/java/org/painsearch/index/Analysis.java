package org.painsearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The one English analysis chain: standard tokens, possessives removed, lowercase, ASCII folding, stop words,
 * Porter stemming. The query side adds the synonym graph before stop words and stemming, so synonyms are
 * written as plain words and still match stemmed text.
 */
public final class Analysis {
    private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    private Analysis() {
    }

    /** The analyzer used to index text fields. */
    public static Analyzer indexAnalyzer() {
        return new Chain(null);
    }

    /** What the index writer uses: the index chain, and whole folded words for {@link Fields#SPELL}. */
    public static Analyzer writerAnalyzer() {
        return new org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper(indexAnalyzer(),
                java.util.Map.of(Fields.SPELL, synonymRuleAnalyzer()));
    }

    /** Whole lowercase, accent-folded words: how the spelling vocabulary is indexed and looked up. */
    public static Analyzer wordAnalyzer() {
        return synonymRuleAnalyzer();
    }

    /** The analyzer used for queries: the index chain plus {@code synonyms} (may be null or empty). */
    public static Analyzer queryAnalyzer(SynonymMap synonyms) {
        return new Chain(synonyms == null || synonyms.fst == null ? null : synonyms);
    }

    /** Tokenizer to folding, without stop words or stemming: how synonym rules themselves are read. */
    static Analyzer synonymRuleAnalyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                var tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, folded(tokenizer));
            }
        };
    }

    private static TokenStream folded(TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(new EnglishPossessiveFilter(in)));
    }

    private static final class Chain extends Analyzer {
        private final SynonymMap synonyms;

        Chain(SynonymMap synonyms) {
            this.synonyms = synonyms;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            var tokenizer = new StandardTokenizer();
            TokenStream ts = folded(tokenizer);
            if (synonyms != null) {
                ts = new SynonymGraphFilter(ts, synonyms, true);
            }
            ts = new StopFilter(ts, STOP_WORDS);
            ts = new PorterStemFilter(ts);
            return new TokenStreamComponents(tokenizer, ts);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }

    /** Analyzes {@code text} with {@code analyzer} into its terms, for tests and "search details". */
    public static java.util.List<String> terms(Analyzer analyzer, String text) {
        var out = new java.util.ArrayList<String>();
        try (TokenStream ts = analyzer.tokenStream("body", text)) {
            var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
