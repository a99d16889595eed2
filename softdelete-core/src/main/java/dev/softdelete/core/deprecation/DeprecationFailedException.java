package dev.softdelete.core.deprecation;

/** A rename failed part-way; every rename already done was undone (one transaction, or compensating renames where DDL commits), so nothing stays renamed. The run is FAILED with the cause. */
public class DeprecationFailedException extends DeprecationException {

    /** Creates the exception with a message that says what, where and what to do next. */
    public DeprecationFailedException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the failure that caused it. */
    public DeprecationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
