package org.painsearch.web;

/** The JSON body of every error answer: one readable sentence, never a stack trace. */
record ApiError(String error) {
}
