/** Proof under failure: child processes killed with SIGKILL mid-work, and what must hold after a restart. */
package org.painsearch.proof;
