package dev.softdelete.core.deprecation;

/** The operation does not fit the state of the run or element (a rollback of a rollback, a run already rolled back, a renamed object that is missing): nothing was changed. */
public class DeprecationStateException extends DeprecationException {

    /** Creates the exception with a message that says what, where and what to do next. */
    public DeprecationStateException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the failure that caused it. */
    public DeprecationStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
