package dev.softdelete.core.purge;

import dev.softdelete.core.SoftDeleteException;

/**
 * A retention policy cannot be used as given: a zero or negative window, a table without the
 * soft-delete marker or a single-column primary key. Thrown before any row is touched.
 */
public class PurgeConfigurationException extends SoftDeleteException {

    /** Creates the exception with a message that says what is wrong and how to fix it. */
    public PurgeConfigurationException(String message) {
        super(message);
    }
}
