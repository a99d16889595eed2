package dev.softdelete.core.purge;

import dev.softdelete.core.internal.Document;
import dev.softdelete.core.internal.Json;

/**
 * Where a purge stands: the step (table) in delete order and the last key handled in it.
 * Persisted as a versioned document ({@link #encode()}) so that another instance can resume a job.
 *
 * @param step    index of the table in the plan's delete order
 * @param lastKey the last key handled in that table, as text; {@code null} before the first batch
 */
public record PurgeCursor(int step, String lastKey) {

    /** Before the first batch. */
    public static final PurgeCursor START = new PurgeCursor(0, null);

    private static final String KIND = "purge-cursor";

    /** The cursor as stored in the job row and the run registry. */
    public String encode() {
        return Document.write(KIND, 1, Json.obj("step", step, "lastKey", lastKey));
    }

    /** Reads a stored cursor; {@code null} or blank is {@link #START}. */
    public static PurgeCursor decode(String text) {
        if (text == null || text.isBlank()) {
            return START;
        }
        Document d = Document.read(text, KIND, 1);
        return new PurgeCursor(Math.toIntExact(d.number("step")), d.optionalString("lastKey"));
    }
}
