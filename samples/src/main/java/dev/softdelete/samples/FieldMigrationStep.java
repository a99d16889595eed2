package dev.softdelete.samples;

import dev.softdelete.core.cleanup.CleanupSettings;
import dev.softdelete.core.migration.FieldMigration;
import dev.softdelete.core.migration.FieldMigrations;
import dev.softdelete.core.migration.ReadMode;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Zero-downtime field migration: rename {@code users.full_name} to {@code display_name} while
 * old-version code keeps writing the old column: expand, dual write (a library trigger), backfill
 * by a cleanup worker with its progress, verify, switch reads to the new column, contract (the old
 * column is kept, ready for deprecation).
 */
final class FieldMigrationStep implements DemoStep {

    @Override
    public String title() {
        return "Field migration: rename a column while the application keeps writing";
    }

    @Override
    public void run(DemoContext ctx) throws Exception {
        var out = ctx.out();
        try (Connection c = ctx.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE users ADD COLUMN full_name VARCHAR(200)");
            s.execute("UPDATE users SET full_name = CONCAT('User ', id)");
        }
        FieldMigrations fm = ctx.softDelete().fieldMigrations();
        FieldMigration rename = FieldMigration.rename("users", "full_name", "display_name");
        String name = fm.expand(rename).name();
        out.say("Expand: %s adds users.display_name (nullable, no table rewrite): phase %s.", name,
                fm.require(name).phase());
        fm.startDualWrite(name);
        try (Connection c = ctx.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE users SET full_name = 'Ada Lovelace' WHERE id = 1"); // version 1 of the application
        }
        out.say("Dual write: old-version code still writes full_name only; the library's trigger fills display_name:");
        ctx.show("SELECT id, full_name, display_name FROM users WHERE id <= 3 ORDER BY id");
        out.say("Backfill: %d job(s) on the cleanup queue; a worker (any instance) runs them.",
                fm.startBackfill(name).size());
        ctx.softDelete().cleanup().newWorker(CleanupSettings.defaults().withAlertListener(a -> { })).run();
        out.say("Progress: %s", fm.progress(name));
        out.say("Verify: %d rows where display_name disagrees with full_name; phase %s.", fm.verify(name).mismatches(),
                fm.require(name).phase());
        fm.readNew(name);
        fm.reportReading(name, ReadMode.NEW);
        out.say("Read new: version 2 of the application reads display_name only; every instance reports NEW.");
        fm.contract(name);
        out.say("Contract: phase %s; the triggers are gone and full_name stays (hand it to the deprecation"
                + " workflow: rename, not drop).", fm.require(name).phase());
        ctx.show("SELECT id, full_name, display_name FROM users WHERE id <= 3 ORDER BY id");
    }
}
