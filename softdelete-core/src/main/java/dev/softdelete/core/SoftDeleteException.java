package dev.softdelete.core;

/**
 * Root of every exception the library throws. Messages say what went wrong, on which object, and
 * what to do about it; subclasses exist where a caller can reasonably react differently.
 */
public class SoftDeleteException extends RuntimeException {

    /** Creates the exception with a message that says what, where and what to do next. */
    public SoftDeleteException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the failure that caused it. */
    public SoftDeleteException(String message, Throwable cause) {
        super(message, cause);
    }
}
