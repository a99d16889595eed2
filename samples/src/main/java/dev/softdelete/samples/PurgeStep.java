package dev.softdelete.samples;

import dev.softdelete.core.cleanup.CleanupScheduler;
import dev.softdelete.core.cleanup.CleanupSettings;
import dev.softdelete.core.purge.PurgePreview;
import dev.softdelete.core.purge.RetentionPolicy;
import dev.softdelete.core.purge.TablePreview;
import dev.softdelete.core.schema.LibraryTable;
import io.micrometer.core.instrument.Meter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Retention purge with archive: pretend first, then the clock moves past the 30-day window, a
 * job goes through the cleanup queue and a worker archives the expired products and their
 * assets and attributes, children first. Leaves the demo clock 31 days later.
 */
final class PurgeStep implements DemoStep {

    @Override
    public String title() {
        return "Retention purge and archive through the cleanup queue";
    }

    @Override
    public void run(DemoContext ctx) throws Exception {
        var sd = ctx.softDelete();
        var out = ctx.out();
        LocalDateTime now = LocalDateTime.ofInstant(ctx.clock().instant(), ZoneOffset.UTC);
        try (Connection c = ctx.dataSource().getConnection()) {
            for (String table : List.of("product_assets", "product_attributes", "products")) {
                String key = table.equals("products") ? "id" : "product_id";
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET deleted_at = ?,"
                        + " deleted_by = 'demo' WHERE " + key + " BETWEEN 16 AND 20 AND deleted_at IS NULL")) {
                    ps.setObject(1, now);
                    ps.executeUpdate();
                }
            }
            // Product 16's attribute is restored: an active child keeps its parent from being purged.
            c.createStatement().executeUpdate("UPDATE product_attributes SET deleted_at = NULL WHERE product_id = 16");
        }
        out.say("Soft-deleted products 16-20 with their assets and attributes at %s; restored product 16's attribute.", now);

        RetentionPolicy policy = RetentionPolicy.archive("products").withRetention(Duration.ofDays(30))
                .withArchiveRetention(Duration.ofDays(365));
        out.say("Policy: %s rows of products deleted more than %d days ago, archive kept %d days.", policy.action(),
                policy.retention().toDays(), policy.archiveRetention().toDays());
        out.say("Plan from the catalog (delete order, children first): %s", sd.purge().plan(policy).tables());

        out.say("Pretend today: %d rows would go (nothing has expired yet).", sd.purge().pretend(policy).totalPurgeable());
        ctx.clock().advance(Duration.ofDays(31));
        PurgePreview preview = sd.purge().pretend(policy);
        out.say("Clock moved 31 days to %s. Pretend again (run %d, nothing deleted):", ctx.clock().instant(),
                preview.runId());
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("table", "expired", "would go", "blocked by", "sample ids"));
        for (TablePreview t : preview.tables()) {
            rows.add(List.of(t.table().toLowerCase(), String.valueOf(t.expired()), String.valueOf(t.purgeable()),
                    t.blockedBy().isEmpty() ? "-" : t.blockedBy().toString().toLowerCase(), t.sampleIds().toString()));
        }
        out.table(rows);

        var jobs = sd.cleanup().queue().enqueue(policy, 2);
        String queue = sd.schema().table(LibraryTable.CLEANUP_JOBS);
        out.say("Queued %d jobs (two key slices) in %s:", jobs.size(), sd.schema().name(LibraryTable.CLEANUP_JOBS));
        ctx.show("SELECT id, job_type, table_name, status, attempts, rows_processed FROM " + queue + " ORDER BY id");

        try (CleanupScheduler scheduler = sd.cleanup().scheduler(CleanupSettings.defaults()
                .withPollInterval(Duration.ofMillis(50)).withRowsPerSecond(10_000), 2).start()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (sd.cleanup().queue().length() > 0 || sd.cleanup().queue().counts().get(
                    dev.softdelete.core.cleanup.JobStatus.RUNNING) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cleanup jobs did not finish in 30 s");
                }
                Thread.sleep(20);
            }
        }
        out.say("Two scheduled workers (built-in ScheduledExecutorService) ran them, rate-limited to 10,000 rows/s:");
        ctx.show("SELECT id, status, attempts, rows_processed, run_id FROM " + queue + " ORDER BY id");
        out.say("Archived products (same columns plus archived_at and archive_run_id), archived in the same"
                + " transaction as their delete:");
        ctx.show("SELECT id, sku, deleted_at, archived_at, archive_run_id FROM products_archive ORDER BY id");
        out.say("Left in products: %d rows; product 16 stays (its attribute is active).",
                ctx.count("SELECT COUNT(*) FROM products"));
        out.say("Runs in the registry:");
        ctx.show("SELECT id, kind, mode, status, preview_count, affected_count, skipped_count FROM "
                + sd.schema().table(LibraryTable.RUNS) + " WHERE kind IN ('PURGE', 'ARCHIVE') ORDER BY id");

        out.say("Cleanup metrics (Micrometer):");
        List<List<String>> metrics = new ArrayList<>();
        metrics.add(List.of("meter", "tags", "value"));
        ctx.meterRegistry().getMeters().stream().filter(m -> m.getId().getName().startsWith("softdelete.cleanup"))
                .sorted(Comparator.comparing((Meter m) -> m.getId().getName()).thenComparing(m -> m.getId().getTags().toString()))
                .forEach(m -> metrics.add(List.of(m.getId().getName(), m.getId().getTags().stream()
                        .map(t -> t.getKey() + "=" + t.getValue()).toList().toString(),
                        String.valueOf(m.measure().iterator().next().getValue()))));
        out.table(metrics);
    }
}
