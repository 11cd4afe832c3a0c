package org.painsearch.engine;

/** One ranked document: its id and score (what evaluation measures). */
public record Ranked(String id, float score) {
}
