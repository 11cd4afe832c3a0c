/** The Javalin application: thin HTTP handlers, error mapping and the static search page. */
package org.painsearch.web;
