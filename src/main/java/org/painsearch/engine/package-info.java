/** The boundary every search backend implements (embedded Lucene today), and the backend-neutral records crossing it. */
package org.painsearch.engine;
