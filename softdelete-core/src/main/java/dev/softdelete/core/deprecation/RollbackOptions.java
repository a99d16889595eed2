package dev.softdelete.core.deprecation;

/**
 * How a rollback treats data that no longer matches its backup (row count or checksum): refused
 * by default; renamed back anyway with {@link #force(String)}, whose justification is audited.
 *
 * @param forced        whether a mismatch is accepted
 * @param justification why (required when forced)
 */
public record RollbackOptions(boolean forced, String justification) {

    /** Checks that a forced rollback has a justification. */
    public RollbackOptions {
        if (forced && (justification == null || justification.isBlank())) {
            throw new DeprecationInputException("Forcing a rollback needs a written justification:"
                    + " RollbackOptions.force(\"...\").");
        }
    }

    /** A mismatch with the backup refuses the rollback. */
    public static RollbackOptions defaults() {
        return new RollbackOptions(false, null);
    }

    /** A mismatch with the backup is recorded and the names are put back anyway. */
    public static RollbackOptions force(String justification) {
        return new RollbackOptions(true, justification);
    }
}
