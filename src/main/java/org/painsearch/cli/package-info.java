/** Picocli commands: parse arguments, call a service, print results and exit codes. */
package org.painsearch.cli;
