/** Sentence embeddings computed in-process: the model, passages of long documents, and a cache by content hash. */
package org.painsearch.vectors;
