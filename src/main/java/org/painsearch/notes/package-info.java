/** The therapist's notes (create, versioned edits, trash) and bookmarks, kept as plain files in the corpus. */
package org.painsearch.notes;
