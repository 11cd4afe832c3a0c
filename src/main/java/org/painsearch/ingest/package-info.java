/** Turning outside files and fetched content (HTML, Markdown, text, VTT, SRT, RSS/Atom feeds, OPML) into corpus documents. */
package org.painsearch.ingest;
