package dev.softdelete.core;

/**
 * A stored document (run spec, job payload, cursor) cannot be read by this version of the
 * library: another kind, a newer format version, or damaged. Nothing was changed.
 */
public class UnsupportedDocumentException extends SoftDeleteException {

    /** Creates the exception with a message and the failure that caused it (may be null). */
    public UnsupportedDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
