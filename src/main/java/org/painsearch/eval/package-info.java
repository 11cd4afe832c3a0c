/** Relevance evaluation: BEIR-layout collections, trec_eval measures and TREC run files. */
package org.painsearch.eval;
