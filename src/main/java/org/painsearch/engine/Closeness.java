package org.painsearch.engine;

import java.util.List;
import java.util.Map;

/** Closest-passage cosines by document id, and the nearest documents' ids, nearest first (for calibration). */
public record Closeness(Map<String, Float> cosines, List<String> nearest) {
}
