/** The plain-file corpus under corpus/: the document model, front matter, transcripts, links and atomic writes. */
package org.painsearch.corpus;
