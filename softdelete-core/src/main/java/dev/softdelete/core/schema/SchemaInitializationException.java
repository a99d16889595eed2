package dev.softdelete.core.schema;

import dev.softdelete.core.SoftDeleteException;

/** The library schema could not be created or upgraded. */
public class SchemaInitializationException extends SoftDeleteException {

    public SchemaInitializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
