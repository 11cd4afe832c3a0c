/** The application services that web and cli share: rebuilding the index from the corpus, importing, searching. */
package org.painsearch.app;
