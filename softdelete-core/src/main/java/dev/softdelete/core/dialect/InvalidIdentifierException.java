package dev.softdelete.core.dialect;

import dev.softdelete.core.SoftDeleteException;

/** An identifier was not a plain SQL identifier, was empty, or was too long for the database. */
public class InvalidIdentifierException extends SoftDeleteException {

    /** The rejected input. */
    private final String identifier;

    /** Creates the exception for the rejected {@code identifier}, with a message that says how to fix it. */
    public InvalidIdentifierException(String identifier, String message) {
        super(message);
        this.identifier = identifier;
    }

    /** The rejected input, exactly as given (may be {@code null}). */
    public String identifier() {
        return identifier;
    }
}
