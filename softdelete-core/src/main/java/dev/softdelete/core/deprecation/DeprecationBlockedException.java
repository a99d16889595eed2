package dev.softdelete.core.deprecation;

/** The plan has BLOCKED elements and the apply was not forced: nothing was changed. */
public class DeprecationBlockedException extends DeprecationException {

    /** Creates the exception with a message that says what, where and what to do next. */
    public DeprecationBlockedException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the failure that caused it. */
    public DeprecationBlockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
