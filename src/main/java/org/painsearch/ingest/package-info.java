/** Turning outside files (HTML, Markdown, text, VTT, SRT) into corpus documents. */
package org.painsearch.ingest;
