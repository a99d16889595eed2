package dev.softdelete.samples;

import dev.softdelete.core.deprecation.BlockReason;
import dev.softdelete.core.deprecation.DeprecationPlan;
import dev.softdelete.core.deprecation.DeprecationRequest;
import dev.softdelete.core.deprecation.DeprecationResult;
import dev.softdelete.core.deprecation.DeprecationTarget;
import dev.softdelete.core.deprecation.PlannedElement;
import dev.softdelete.core.deprecation.RollbackResult;
import dev.softdelete.core.schema.LibraryTable;
import dev.softdelete.proxy.ProxyAlertTypes;
import dev.softdelete.proxy.SoftDeleteProxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

/**
 * Non-destructive deprecation: watch two columns, plan (one BLOCKED because the legacy report still
 * reads it, with its caller), apply the SAFE one (renamed, backed up), a legacy query using the old
 * name fails and the proxy names its caller, then rollback.
 */
final class DeprecationStep implements DemoStep {

    @Override
    public String title() {
        return "Deprecation: rename instead of drop, proven unused, rolled back in seconds";
    }

    @Override
    public void run(DemoContext ctx) throws Exception {
        var out = ctx.out();
        var deprecations = ctx.softDelete().deprecations();
        Instant before = ctx.clock().instant();
        try (Connection c = ctx.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE users ADD COLUMN fax_number VARCHAR(40)");
        }
        try (SoftDeleteProxy proxy = SoftDeleteProxy.builder(ctx.dataSource())
                .telemetry(ctx.softDelete())
                .alerts(alert -> {
                    if (alert.type().equals(ProxyAlertTypes.RENAMED_ELEMENT_USED)) {
                        out.say("ALERT [%s] %s", alert.type(), alert.message());
                    }
                })
                .analysisWait(Duration.ofSeconds(2))
                .build()) {
            deprecations.watch("unused", DeprecationTarget.column("users", "fax_number"),
                    DeprecationTarget.column("users", "last_login_at"));
            out.say("Two columns are watched from now on (a PLANNED row each in %s; the proxy watches them at once).",
                    ctx.softDelete().schema().name(LibraryTable.DEPRECATIONS));
            ctx.clock().advance(Duration.ofDays(15));
            LegacyReports legacy = new LegacyReports(proxy);
            legacy.inactiveUsers();
            proxy.flush();
            out.say("Fifteen days later (past the 14-day quiet period) the legacy report still reads last_login_at.");

            DeprecationPlan plan = deprecations.plan(DeprecationRequest.of("unused",
                    DeprecationTarget.column("users", "fax_number"), DeprecationTarget.column("users", "last_login_at")));
            out.say("The plan (changes nothing):");
            for (PlannedElement e : plan.elements()) {
                out.say("  %s %s -> %s: %s", e.type(), e.qualifiedName(), e.newName(), e.verdict());
                for (BlockReason r : e.reasons()) {
                    out.say("      %s: %s", r.code(), r.message());
                }
            }

            DeprecationPlan safe = deprecations.plan(DeprecationRequest.of("unused",
                    DeprecationTarget.column("users", "fax_number")));
            DeprecationResult result = deprecations.apply(safe, safe.token());
            var applied = result.elements().get(0);
            out.say("Applied the SAFE one with its token: run %d renamed %s to %s; backup %s holds %d (id, value) rows,"
                    + " checksum %s.", result.runId(), applied.name(), applied.newName(), applied.backupRef(),
                    applied.rowCount(), applied.checksum());
            ctx.show("SELECT object_type, table_name, object_name, deprecated_name, status, backup_ref FROM "
                    + ctx.softDelete().schema().table(LibraryTable.DEPRECATIONS) + " ORDER BY id");

            try {
                legacy.faxDirectory();
            } catch (SQLException e) {
                out.say("A legacy query still using the old name now fails in the database: %s",
                        e.getMessage().lines().findFirst().orElse(""));
            }
            proxy.awaitAnalysis();

            RollbackResult rollback = deprecations.rollback(result.runId());
            out.say("Rolled back (run %d): checksums re-checked in %d ms, renamed back in %d ms. The old name works"
                    + " again: %d users listed.", rollback.rollbackRunId(), rollback.checkDuration().toMillis(),
                    rollback.renameDuration().toMillis(), legacy.faxDirectory());
        } finally {
            ctx.clock().set(before);
        }
    }
}
