package dev.softdelete.core.purge;

import java.time.Instant;
import java.util.List;

/**
 * The result of pretend mode: nothing was deleted; the run registry holds a PRETEND run with
 * these counts ({@code runId}).
 *
 * @param runId  the PRETEND run in the run registry
 * @param policy the policy previewed
 * @param cutoff rows whose marker is before it have expired
 * @param tables what was found per table, in delete order
 */
public record PurgePreview(long runId, RetentionPolicy policy, Instant cutoff, List<TablePreview> tables) {

    /** Copies the list. */
    public PurgePreview {
        tables = List.copyOf(tables);
    }

    /** Rows that would be deleted over all tables. */
    public long totalPurgeable() {
        return tables.stream().mapToLong(TablePreview::purgeable).sum();
    }

    /** Rows kept because something still references them. */
    public long totalBlocked() {
        return tables.stream().mapToLong(t -> t.expired() - t.purgeable()).sum();
    }
}
