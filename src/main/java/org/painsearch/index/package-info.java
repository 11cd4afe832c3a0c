/** The Lucene index: field names, analysis and synonyms, document mapping, and the one owner of the IndexWriter. */
package org.painsearch.index;
