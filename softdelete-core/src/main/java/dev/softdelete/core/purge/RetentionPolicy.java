package dev.softdelete.core.purge;

import dev.softdelete.core.dialect.Identifier;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long soft-deleted rows of one table are kept, and what happens to them afterwards.
 *
 * <pre>{@code
 * RetentionPolicy.purge("products");                                   // 30 days, then delete
 * RetentionPolicy.archive("products").withRetention(Duration.ofDays(90))  // copy to products_archive
 *         .withArchiveRetention(Duration.ofDays(365 * 7));                 // keep archived rows 7 years
 * }</pre>
 *
 * @param table            the table whose soft-deleted rows expire (its soft-deletable children follow)
 * @param action           purge or archive
 * @param retention        how long after its marker a row is kept; positive; default 30 days
 * @param archiveTable     where archived rows of {@code table} go; default {@code <table>_archive}
 * @param archiveRetention how long archived rows are kept; positive; default 365 days
 * @param batchSize        rows per transaction; default 1,000
 */
public record RetentionPolicy(String table, PurgeAction action, Duration retention,
        String archiveTable, Duration archiveRetention, int batchSize) {

    /** Default {@code retention}: 30 days. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    /** Default {@code archiveRetention}: 365 days. */
    public static final Duration DEFAULT_ARCHIVE_RETENTION = Duration.ofDays(365);
    /** Default {@code batchSize}: 1,000 rows. */
    public static final int DEFAULT_BATCH_SIZE = 1_000;

    /**
     * Checks the values and defaults {@code archiveTable} to {@code <table>_archive}.
     *
     * @throws PurgeConfigurationException when a retention is not positive or {@code batchSize} is below 1
     * @throws dev.softdelete.core.dialect.InvalidIdentifierException when a table name is not a plain identifier
     */
    public RetentionPolicy {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(action, "action");
        Identifier.of(table);
        requirePositive(retention, "Retention window", table);
        requirePositive(archiveRetention, "Archive retention", table);
        if (batchSize < 1) {
            throw new PurgeConfigurationException("Batch size " + batchSize + " for table '" + table
                    + "' must be at least 1 (default " + DEFAULT_BATCH_SIZE + ").");
        }
        if (archiveTable == null) {
            archiveTable = table + "_archive";
        }
        Identifier.of(archiveTable);
    }

    /** Hard-delete rows of {@code table} 30 days after their soft delete. */
    public static RetentionPolicy purge(String table) {
        return new RetentionPolicy(table, PurgeAction.PURGE, DEFAULT_RETENTION, null,
                DEFAULT_ARCHIVE_RETENTION, DEFAULT_BATCH_SIZE);
    }

    /** Archive rows of {@code table} 30 days after their soft delete. */
    public static RetentionPolicy archive(String table) {
        return purge(table).withAction(PurgeAction.ARCHIVE);
    }

    /** The same policy with another action. */
    public RetentionPolicy withAction(PurgeAction action) {
        return new RetentionPolicy(table, action, retention, archiveTable, archiveRetention, batchSize);
    }

    /** The same policy keeping soft-deleted rows for {@code retention} after their marker. */
    public RetentionPolicy withRetention(Duration retention) {
        return new RetentionPolicy(table, action, retention, archiveTable, archiveRetention, batchSize);
    }

    /** The same policy archiving into {@code archiveTable} (a plain identifier). */
    public RetentionPolicy withArchiveTable(String archiveTable) {
        return new RetentionPolicy(table, action, retention, archiveTable, archiveRetention, batchSize);
    }

    /** The same policy keeping archived rows for {@code archiveRetention}. */
    public RetentionPolicy withArchiveRetention(Duration archiveRetention) {
        return new RetentionPolicy(table, action, retention, archiveTable, archiveRetention, batchSize);
    }

    /** The same policy with {@code batchSize} rows per transaction. */
    public RetentionPolicy withBatchSize(int batchSize) {
        return new RetentionPolicy(table, action, retention, archiveTable, archiveRetention, batchSize);
    }

    /** Rows whose marker is before this instant have expired. */
    public Instant cutoff(Instant now) {
        return now.minus(retention);
    }

    private static void requirePositive(Duration d, String what, String table) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new PurgeConfigurationException(what + " for table '" + table + "' is " + d
                    + "; it must be positive (for example Duration.ofDays(30)). Nothing was changed.");
        }
    }
}
