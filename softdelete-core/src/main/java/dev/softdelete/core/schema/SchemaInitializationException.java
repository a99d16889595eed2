package dev.softdelete.core.schema;

import dev.softdelete.core.SoftDeleteException;

/** The library schema could not be created or upgraded. */
public class SchemaInitializationException extends SoftDeleteException {

    /** Creates the exception with a message that says what to check, and the failure that caused it. */
    public SchemaInitializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
