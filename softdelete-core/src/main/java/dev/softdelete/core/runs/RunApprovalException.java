package dev.softdelete.core.runs;

import dev.softdelete.core.SoftDeleteException;

/**
 * The two-person rule is on ({@code SoftDelete.Builder.runApproval(true)}) and the preview an apply
 * names was not approved by another actor than the one who made it (or the rules passed differ
 * from the preview's); nothing was applied.
 */
public class RunApprovalException extends SoftDeleteException {

    /** Creates the exception with a message that says what is missing and what to do. */
    public RunApprovalException(String message) {
        super(message);
    }
}
