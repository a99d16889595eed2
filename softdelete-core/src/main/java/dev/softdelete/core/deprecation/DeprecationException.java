package dev.softdelete.core.deprecation;

import dev.softdelete.core.SoftDeleteException;

/**
 * A deprecation step was refused or failed; the message says what, on which element, and what to
 * do next. Nothing was changed unless the subclass says otherwise.
 */
public class DeprecationException extends SoftDeleteException {

    /** Creates the exception with a message that says what, where and what to do next. */
    public DeprecationException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the failure that caused it. */
    public DeprecationException(String message, Throwable cause) {
        super(message, cause);
    }
}
