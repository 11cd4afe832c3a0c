/** painsearch's index definition rendered for OpenSearch, and the checks that a cluster can hold and serve it. */
package org.painsearch.opensearch;
