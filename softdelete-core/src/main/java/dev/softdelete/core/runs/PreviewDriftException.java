package dev.softdelete.core.runs;

import dev.softdelete.core.SoftDeleteException;

/** The live count moved away from the preview by more than the tolerance; nothing was applied. */
public class PreviewDriftException extends SoftDeleteException {

    private final long previewed;
    private final long live;

    public PreviewDriftException(long previewRunId, String table, long previewed, long live, long allowed) {
        super("Preview " + previewRunId + " of " + table + " counted " + previewed + " rows, but " + live
                + " match now (more than " + allowed + " apart). Preview again and check the rules, or apply with"
                + " RunOptions.withForce(true).");
        this.previewed = previewed;
        this.live = live;
    }

    public long previewed() {
        return previewed;
    }

    public long live() {
        return live;
    }
}
