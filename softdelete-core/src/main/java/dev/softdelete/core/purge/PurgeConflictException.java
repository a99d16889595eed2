package dev.softdelete.core.purge;

import dev.softdelete.core.SoftDeleteException;

/** A batch met a concurrent change and was rolled back; running it again is safe. */
public class PurgeConflictException extends SoftDeleteException {

    /** Creates the exception with a message that says what conflicted. */
    public PurgeConflictException(String message) {
        super(message);
    }
}
