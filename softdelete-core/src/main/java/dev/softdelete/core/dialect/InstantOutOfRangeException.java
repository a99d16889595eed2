package dev.softdelete.core.dialect;

import dev.softdelete.core.SoftDeleteException;

/**
 * An instant the library was about to write lies outside years 1 to 9999, which databases store
 * differently or not at all (PostgreSQL counts years BC, so year -1 would be written as 2 BC and
 * read back as year 2; MariaDB's {@code DATETIME} has no such years). Nothing was written.
 */
public class InstantOutOfRangeException extends SoftDeleteException {

    public InstantOutOfRangeException(String message) {
        super(message);
    }
}
