package dev.softdelete.core.deprecation;

/** The confirmation token given to {@code apply} is not the plan's (mistyped, forged, or the plan object was altered): nothing was changed. */
public class DeprecationTokenException extends DeprecationException {

    /** Creates the exception with a message that says what, where and what to do next. */
    public DeprecationTokenException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the failure that caused it. */
    public DeprecationTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
