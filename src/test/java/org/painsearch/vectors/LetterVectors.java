package org.painsearch.vectors;

import java.util.List;

/**
 * A stand-in for a sentence model in tests: a text's vector counts its letters a to g, plus one in the first
 * dimension so that no vector is all zero (a cosine needs a direction). Texts sharing letters come out close.
 */
public final class LetterVectors {
    /** The vectors' dimension. */
    public static final int DIMENSION = 8;

    private LetterVectors() {
    }

    /** The letter model itself, named {@code letters}; tests extend it to gate, slow or refuse its runs. */
    public static class Model implements Embedder {
        @Override
        public List<float[]> embed(List<String> texts) {
            return texts.stream().map(LetterVectors::of).toList();
        }

        @Override
        public int dimension() {
            return DIMENSION;
        }

        @Override
        public String name() {
            return "letters";
        }
    }

    /** The vector of {@code text}. */
    public static float[] of(String text) {
        float[] v = new float[DIMENSION];
        v[0] = 1;
        text.toLowerCase().chars().filter(c -> c >= 'a' && c < 'a' + DIMENSION).forEach(c -> v[c - 'a']++);
        return v;
    }
}
