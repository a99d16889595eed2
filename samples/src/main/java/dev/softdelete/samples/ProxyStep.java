package dev.softdelete.samples;

import dev.softdelete.core.schema.LibraryTable;
import dev.softdelete.proxy.SoftDeleteProxy;
import dev.softdelete.proxy.leak.LeakReport;
import dev.softdelete.proxy.telemetry.UsageRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDBC proxy: which code still touches a deprecated column (with the calling frame), the
 * evidence in {@code deprecated_usage}, strict mode, and native SQL that leaks soft-deleted rows.
 */
final class ProxyStep implements DemoStep {

    @Override
    public String title() {
        return "JDBC proxy: deprecated-column telemetry and soft-delete leaks";
    }

    @Override
    public void run(DemoContext ctx) throws Exception {
        var out = ctx.out();
        try (SoftDeleteProxy proxy = SoftDeleteProxy.builder(ctx.dataSource())
                .watch("users.last_login_at")
                .softDeletable("products", "deleted_at")
                .telemetry(ctx.softDelete())
                .alerts(alert -> out.say("ALERT [%s] %s", alert.type(), alert.message()))
                .analysisWait(Duration.ofSeconds(2))
                .build()) {
            out.say("The application gets the proxy instead of its data source; users.last_login_at is watched.");
            LegacyReports legacy = new LegacyReports(proxy);
            int inactive = legacy.inactiveUsers();
            ctx.clock().advance(Duration.ofMinutes(3));
            legacy.inactiveUsers();
            out.say("The legacy report ran twice (%d inactive users each time). Telemetry for the watched column:", inactive);
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("element", "count", "first access", "last access", "kind", "calling frame"));
            for (UsageRecord u : proxy.usage()) {
                rows.add(List.of(u.element(), String.valueOf(u.accessCount()), u.firstAccess().toString(),
                        u.lastAccess().toString(), u.statementKind().name(), u.caller()));
            }
            out.table(rows);
            proxy.flush();
            out.say("Flushed to %s, so the evidence survives restarts and is shared by every instance:",
                    ctx.softDelete().schema().name(LibraryTable.DEPRECATED_USAGE));
            ctx.show("SELECT element, instance_id, access_count, statement_kind FROM "
                    + ctx.softDelete().schema().table(LibraryTable.DEPRECATED_USAGE));

            softDeleteOneProduct(ctx, true);
            int exported = legacy.productExport();
            out.say("A native export query read %d products, one of them soft-deleted. The proxy reports the leak:",
                    exported);
            for (LeakReport leak : proxy.leaks()) {
                out.say("  table %s, %d time(s), from %s", leak.table(), leak.count(), leak.caller());
                out.say("  SQL: %s", leak.sampleSql());
            }
            softDeleteOneProduct(ctx, false);
        }
        try (SoftDeleteProxy strict = SoftDeleteProxy.builder(ctx.dataSource()).watch("users.last_login_at")
                .strict(true).alerts(alert -> { }).build();
                Connection c = strict.getConnection(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT u.last_login_at FROM users u").close();
        } catch (SQLException e) {
            out.say("Strict mode stops the statement before it reaches the database:");
            out.say("  %s: %s", e.getClass().getSimpleName(), e.getMessage());
        }
    }

    /** Marks product 20 deleted for the leak demonstration, then restores it (later steps see the data unchanged). */
    private static void softDeleteOneProduct(DemoContext ctx, boolean deleted) throws SQLException {
        try (Connection c = ctx.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(deleted
                    ? "UPDATE products SET deleted_at = TIMESTAMP '2026-11-01 00:00:00', deleted_by = 'demo' WHERE id = 20"
                    : "UPDATE products SET deleted_at = NULL, deleted_by = NULL WHERE id = 20");
        }
    }
}
