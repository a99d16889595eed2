package dev.softdelete.core.deprecation;

/** Bad input (unknown element, one already deprecated, a name that is not a plain identifier, a reason outside the list, an element type the database cannot rename): refused before anything is read or changed. */
public class DeprecationInputException extends DeprecationException {

    /** Creates the exception with a message that says what, where and what to do next. */
    public DeprecationInputException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the failure that caused it. */
    public DeprecationInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
