package dev.softdelete.core.runs;

import dev.softdelete.core.SoftDeleteException;

/** The live count moved away from the preview by more than the tolerance; nothing was applied. */
public class PreviewDriftException extends SoftDeleteException {

    /** Rows the preview counted. */
    private final long previewed;
    /** Rows matching at apply time. */
    private final long live;

    /** Creates the exception; {@code allowed} is the largest drift the tolerance permitted, in rows. */
    public PreviewDriftException(long previewRunId, String table, long previewed, long live, long allowed) {
        super("Preview " + previewRunId + " of " + table + " counted " + previewed + " rows, but " + live
                + " match now (more than " + allowed + " apart). Preview again and check the rules, or apply with"
                + " RunOptions.withForce(true).");
        this.previewed = previewed;
        this.live = live;
    }

    /** Returns the number of rows the preview counted. */
    public long previewed() {
        return previewed;
    }

    /** Returns the number of rows matching when the apply started. */
    public long live() {
        return live;
    }
}
