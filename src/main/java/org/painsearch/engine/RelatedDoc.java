package org.painsearch.engine;

import java.util.List;

/** A document related to another, and what relates them ({@code words}, {@code meaning}, {@code links}…). */
public record RelatedDoc(String id, String title, String type, List<String> by) {
}
