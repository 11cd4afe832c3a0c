/** Query parsing, ranking, highlighting, facets and note links over the index. */
package org.painsearch.search;
