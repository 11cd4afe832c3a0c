package org.painsearch.notes;

/** Why a note operation was refused, with what the caller needs to recover. */
public sealed class NoteException extends Exception {
    NoteException(String message) {
        super(message);
    }

    /** There is no such note (or, for restore, no such note in the trash). */
    public static final class NotFound extends NoteException {
        NotFound(String message) {
            super(message);
        }
    }

    /**
     * The note changed since the edit began. Nothing was overwritten: {@code current} is the note as it is now,
     * and the refused text was kept in {@code keptAt}.
     */
    public static final class Conflict extends NoteException {
        private final Note current;
        private final String keptAt;

        Conflict(Note current, String keptAt) {
            super("This note was changed elsewhere after you started editing (in another tab or an editor), so "
                    + "your save was not applied. Nothing is lost: your text is kept (" + keptAt + ") and the "
                    + "current text is shown beside it.");
            this.current = current;
            this.keptAt = keptAt;
        }

        public Note current() {
            return current;
        }

        public String keptAt() {
            return keptAt;
        }
    }
}
