package org.painsearch.web;

/**
 * The JSON body of every error answer: one readable sentence, never a stack trace.
 *
 * @param id for an unexpected failure, the id under which the server log holds its details; else null
 */
record ApiError(String error, String id) {
    ApiError(String error) {
        this(error, null);
    }
}
