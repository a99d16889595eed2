package dev.softdelete.core.migration;

/**
 * A step was refused because the migration is not in a phase that allows it (for example
 * {@code READ_NEW} before {@code VERIFIED}, or {@code CONTRACT} while an instance still reads the old
 * column). Nothing changed; the refusal is in the audit log.
 */
public class FieldMigrationStateException extends FieldMigrationException {

    /** Creates the exception with a message naming the migration, its phase and what to do next. */
    public FieldMigrationStateException(String message) {
        super(message);
    }
}
