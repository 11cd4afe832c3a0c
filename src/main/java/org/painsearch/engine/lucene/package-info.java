/** The embedded engine: painsearch's Lucene index, writer, searches and note links behind the engine seam. */
package org.painsearch.engine.lucene;
