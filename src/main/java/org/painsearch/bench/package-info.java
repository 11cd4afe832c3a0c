/** The benchmark behind {@code painsearch bench}: painsearch measured side by side with bare Lucene and Javalin. */
package org.painsearch.bench;
