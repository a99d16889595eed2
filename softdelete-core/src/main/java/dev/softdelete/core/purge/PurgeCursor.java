package dev.softdelete.core.purge;

/**
 * Where a purge stands: the step (table) in delete order and the last key handled in it.
 * Persisted as text ({@link #encode()}) so that another instance can resume a job.
 */
public record PurgeCursor(int step, String lastKey) {

    public static final PurgeCursor START = new PurgeCursor(0, null);

    public String encode() {
        return lastKey == null ? String.valueOf(step) : step + ":" + lastKey;
    }

    public static PurgeCursor decode(String text) {
        if (text == null || text.isBlank()) {
            return START;
        }
        int colon = text.indexOf(':');
        return colon < 0 ? new PurgeCursor(Integer.parseInt(text), null)
                : new PurgeCursor(Integer.parseInt(text.substring(0, colon)), text.substring(colon + 1));
    }
}
