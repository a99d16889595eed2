package dev.softdelete.core.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.audit.AuditEntry;
import dev.softdelete.core.cleanup.CleanupJob;
import dev.softdelete.core.cleanup.CleanupSettings;
import dev.softdelete.core.cleanup.CleanupWorker;
import dev.softdelete.core.cleanup.JobStatus;
import dev.softdelete.core.cleanup.JobType;
import dev.softdelete.core.registry.RunKind;
import dev.softdelete.core.registry.RunRecord;
import dev.softdelete.core.registry.RunStatus;
import dev.softdelete.core.schema.LibraryTable;
import dev.softdelete.core.time.SettableClock;
import dev.softdelete.testing.DatabaseTest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Zero-downtime field migrations on every database: rename and lookup-denormalize end to end,
 * guards, abort, the backfill as queue jobs (T98.1), two workers, a SIGKILL'd worker JVM,
 * concurrent old- and new-version writers (T98.2), pause/resume/cancel/progress, failure pause,
 * and DDL that does not wait behind a long transaction.
 */
public abstract class FieldMigrationContract extends DatabaseTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private final SettableClock clock = new SettableClock(NOW);

    private SoftDelete instance(String name, DataSource ds) {
        SoftDelete sd = SoftDelete.builder(ds).clock(clock).instanceId(name).build();
        sd.fieldMigrations().useSleeper(d -> { });
        return sd;
    }

    private static CleanupSettings quiet() {
        return CleanupSettings.defaults().withAlertListener(a -> { });
    }

    /** {@code table (id BIGINT PRIMARY KEY, full_name VARCHAR(100), email VARCHAR(100))}, every tenth name NULL. */
    private void users(String table, int rows) {
        db.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, full_name VARCHAR(100), email VARCHAR(100))",
                "INSERT INTO " + table + " (id, full_name, email) SELECT n, CASE WHEN MOD(n, 10) = 0 THEN NULL ELSE"
                        + " CONCAT('name ', n) END, CONCAT('u', n) FROM " + db.database().numberSeries(1, rows));
    }

    private String string(String sql) {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static Set<String> actions(SoftDelete sd, String name) {
        return sd.auditLog().forTarget(FieldMigrations.AUDIT_TARGET, name, 200).stream().map(AuditEntry::action)
                .collect(Collectors.toSet());
    }

    private long jobs(SoftDelete sd, long runId, String condition) {
        return db.queryLong("SELECT COUNT(*) FROM " + sd.schema().table(LibraryTable.CLEANUP_JOBS)
                + " WHERE job_type = 'BACKFILL' AND run_id = " + runId + " AND " + condition);
    }

    // ---------------------------------------------------------------- rename, end to end

    @Test
    void renameRunsExpandDualWriteBackfillByAWorkerVerifyReadNewContract() {
        users("rn_users", 3_000);
        SoftDelete app = instance("app", dataSource());
        FieldMigrations fm = app.fieldMigrations();
        String name = "rn_users.full_name->display_name";
        FieldMigrationState expanded = fm.expand(FieldMigration.rename("rn_users", "full_name", "display_name")
                .withIndex(true));
        assertThat(expanded.phase()).isEqualTo(Phase.EXPAND);
        assertThat(expanded.readMode()).isEqualTo(ReadMode.OLD);
        assertThat(app.catalog().require("rn_users").column("display_name")).get()
                .satisfies(c -> assertThat(c.nullable()).isTrue());
        assertThat(db.queryLong("SELECT COUNT(*) FROM rn_users WHERE display_name IS NOT NULL")).isZero();
        RunRecord run = app.runRegistry().require(expanded.runId());
        assertThat(run.kind()).isEqualTo(RunKind.BACKFILL);
        assertThat(run.status()).isEqualTo(RunStatus.PLANNED);

        assertThat(fm.startDualWrite(name).phase()).isEqualTo(Phase.DUAL_WRITE);
        // V1 (old column only) and V2 (new column only) writes, through plain JDBC
        db.execute("UPDATE rn_users SET full_name = 'renamed by v1' WHERE id = 1",
                "INSERT INTO rn_users (id, full_name) VALUES (100001, 'inserted by v1')",
                "UPDATE rn_users SET display_name = 'renamed by v2' WHERE id = 2",
                "INSERT INTO rn_users (id, display_name) VALUES (100002, 'inserted by v2')",
                "UPDATE rn_users SET email = 'other' WHERE id = 3");
        assertThat(string("SELECT display_name FROM rn_users WHERE id = 1")).isEqualTo("renamed by v1");
        assertThat(string("SELECT display_name FROM rn_users WHERE id = 100001")).isEqualTo("inserted by v1");
        assertThat(string("SELECT full_name FROM rn_users WHERE id = 2")).isEqualTo("renamed by v2");
        assertThat(string("SELECT full_name FROM rn_users WHERE id = 100002")).isEqualTo("inserted by v2");
        assertThat(string("SELECT display_name FROM rn_users WHERE id = 3")).isEqualTo("name 3");

        List<CleanupJob> jobs = fm.startBackfill(name, BackfillOptions.defaults().withSlices(4)
                .withBatchSize(200, 50, 1_000));
        FieldMigrationState backfilling = fm.require(name);
        assertThat(backfilling.phase()).isEqualTo(Phase.BACKFILL);
        assertThat(jobs).hasSize(4).allSatisfy(j -> {
            assertThat(j.type()).isEqualTo(JobType.BACKFILL);
            assertThat(j.status()).isEqualTo(JobStatus.QUEUED);
            assertThat(j.runId()).isEqualTo(backfilling.runId());
        });
        // T98.1: the job is visible in the queue table with its payload, and the caller ran none of it
        assertThat(jobs(app, backfilling.runId(), "status = 'QUEUED' AND payload LIKE '%\"doc\":\"backfill-slice\"%'"))
                .isEqualTo(4);
        long needing = db.queryLong("SELECT COUNT(*) FROM rn_users WHERE display_name IS NULL AND full_name IS NOT NULL");
        assertThat(needing).isGreaterThan(2_000);
        BackfillProgress before = fm.progress(name);
        assertThat(before.rowsDone()).isZero();
        assertThat(before.estimatedRows()).isEqualTo(needing);
        assertThat(before.complete()).isFalse();
        assertThat(before.slicesTotal()).isEqualTo(4);

        io.micrometer.core.instrument.simple.SimpleMeterRegistry meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        SoftDelete node = SoftDelete.builder(db.newPool(3)).clock(clock).instanceId("worker-node")
                .metrics(dev.softdelete.core.metrics.micrometer.MicrometerMetrics.of(meters)).build();
        node.cleanup().newWorker(quiet()).run();
        assertThat(meters.get("softdelete.runs.rows").tag("kind", "backfill").counter().count()).isEqualTo(needing);
        assertThat(meters.get("softdelete.runs").tag("kind", "backfill").tag("outcome", "completed").counter().count())
                .isEqualTo(1);
        assertThat(meters.get("softdelete.cleanup.jobs").tag("type", "backfill").tag("outcome", "success").counter()
                .count()).isEqualTo(4);

        BackfillProgress after = fm.progress(name);
        assertThat(after.complete()).isTrue();
        assertThat(after.rowsDone()).isEqualTo(needing);
        assertThat(after.slicesDone()).isEqualTo(4);
        assertThat(after.fraction()).isEqualTo(1.0);
        assertThat(jobs(app, backfilling.runId(), "status = 'DONE' AND attempts = 1")).isEqualTo(4);
        assertThat(app.runRegistry().require(backfilling.runId()).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(db.queryLong("SELECT COUNT(*) FROM rn_users WHERE "
                + "(display_name IS NULL AND full_name IS NOT NULL) OR display_name <> full_name")).isZero();

        MigrationVerification verified = fm.verify(name);
        assertThat(verified.passed()).isTrue();
        assertThat(verified.phase()).isEqualTo(Phase.VERIFIED);
        assertThat(fm.readNew(name).readMode()).isEqualTo(ReadMode.NEW);
        fm.reportReading(name, ReadMode.NEW);
        FieldMigrationState contracted = fm.contract(name);
        assertThat(contracted.phase()).isEqualTo(Phase.CONTRACTED);
        assertThat(contracted.oldColumnReadyForDeprecation()).isTrue();
        db.execute("UPDATE rn_users SET full_name = 'after contract' WHERE id = 4");
        assertThat(string("SELECT display_name FROM rn_users WHERE id = 4")).as("triggers removed").isEqualTo("name 4");
        assertThat(string("SELECT full_name FROM rn_users WHERE id = 4")).as("old column kept").isEqualTo("after contract");

        assertThat(actions(app, name)).contains("field_migration.expand", "field_migration.dual_write",
                "field_migration.backfill_started", "field_migration.backfill_completed", "field_migration.verify",
                "field_migration.read_new", "field_migration.contract");
        assertThat(app.auditLog().forTarget("COLUMN", "rn_users.full_name", 5)).extracting(AuditEntry::action)
                .containsExactly("field_migration.old_column_deprecable");
        assertThat(app.runRegistry().require(backfilling.runId()).affectedCount()).isEqualTo(needing);
    }

    // ---------------------------------------------------------------- lookup through a foreign key

    @Test
    void lookupDenormalizesThroughTheForeignKeyAndFollowsWritesOnBothTables() {
        db.execute("CREATE TABLE lk_users (id BIGINT PRIMARY KEY, name VARCHAR(100))",
                "CREATE TABLE lk_projects (id BIGINT PRIMARY KEY, owner_id BIGINT, title VARCHAR(100),"
                        + " CONSTRAINT lk_projects_owner_fk FOREIGN KEY (owner_id) REFERENCES lk_users (id))",
                "INSERT INTO lk_users (id, name) SELECT n, CONCAT('owner ', n) FROM " + db.database().numberSeries(1, 50),
                "INSERT INTO lk_projects (id, owner_id, title) SELECT n, CASE WHEN MOD(n, 17) = 0 THEN NULL ELSE"
                        + " MOD(n, 50) + 1 END, CONCAT('p', n) FROM " + db.database().numberSeries(1, 2_000));
        SoftDelete app = instance("app", dataSource());
        FieldMigrations fm = app.fieldMigrations();
        String name = "projects owner name";
        fm.expand(FieldMigration.lookup("lk_projects", "owner_id", "owner_name", "lk_users", "id", "name")
                .withName(name));
        fm.startDualWrite(name);
        db.execute("INSERT INTO lk_projects (id, owner_id, title) VALUES (5001, 3, 'new')",
                "UPDATE lk_projects SET owner_id = 7 WHERE id = 1",
                "UPDATE lk_users SET name = 'renamed owner' WHERE id = 9");
        assertThat(string("SELECT owner_name FROM lk_projects WHERE id = 5001")).isEqualTo("owner 3");
        assertThat(string("SELECT owner_name FROM lk_projects WHERE id = 1")).isEqualTo("owner 7");
        assertThat(db.queryLong("SELECT COUNT(*) FROM lk_projects WHERE owner_id = 9")).isPositive();
        assertThat(db.queryLong("SELECT COUNT(*) FROM lk_projects WHERE owner_id = 9 AND (owner_name IS NULL OR"
                + " owner_name <> 'renamed owner')")).as("an owner's rename reaches every project").isZero();

        fm.startBackfill(name, BackfillOptions.defaults().withSlices(3));
        instance("worker-node", db.newPool(2)).cleanup().newWorker(quiet()).run();
        assertThat(fm.progress(name).complete()).isTrue();
        MigrationVerification verified = fm.verify(name);
        assertThat(verified.mismatches()).isZero();
        assertThat(db.queryLong("SELECT COUNT(*) FROM lk_projects p JOIN lk_users u ON u.id = p.owner_id"
                + " WHERE p.owner_name = u.name")).isEqualTo(db.queryLong("SELECT COUNT(*) FROM lk_projects"
                        + " WHERE owner_id IS NOT NULL"));
        assertThat(db.queryLong("SELECT COUNT(*) FROM lk_projects WHERE owner_id IS NULL AND owner_name IS NOT NULL"))
                .isZero();

        // an owner renamed after the backfill: still in step, and verify sees no mismatch
        db.execute("UPDATE lk_users SET name = 'late rename' WHERE id = 11");
        assertThat(fm.verify(name).passed()).isTrue();
        fm.readNew(name);
        fm.contract(name);
        db.execute("UPDATE lk_users SET name = 'after contract' WHERE id = 11");
        assertThat(db.queryLong("SELECT COUNT(*) FROM lk_projects WHERE owner_name = 'after contract'"))
                .as("triggers on both tables removed").isZero();
    }

    // ---------------------------------------------------------------- SQL expression over the row

    @Test
    void anExpressionOverTheRowIsValidatedByTheAllowlistAndKeptInStep() {
        db.execute("CREATE TABLE ex_users (id BIGINT PRIMARY KEY, first_name VARCHAR(50), last_name VARCHAR(50))",
                "INSERT INTO ex_users (id, first_name, last_name) SELECT n, CONCAT('first', n), CONCAT('last', n) FROM "
                        + db.database().numberSeries(1, 1_500));
        SoftDelete app = instance("app", dataSource());
        FieldMigrations fm = app.fieldMigrations();
        for (String unsafe : List.of("CONCAT(first_name, ' '); DROP TABLE ex_users", "sleep(1)", "pg_sleep(1)",
                "CONCAT(first_name, (SELECT MAX(name) FROM sd_field_migrations))", "no_such_column",
                "first_name -- comment")) {
            assertThatThrownBy(() -> fm.expand(FieldMigration.expression("ex_users", "first_name", "full_name", unsafe)
                    .withNewColumnType("VARCHAR(120)").withName("unsafe"))).as(unsafe)
                    .isInstanceOf(dev.softdelete.core.SoftDeleteException.class).hasMessageContaining("Refused");
        }
        assertThatThrownBy(() -> fm.expand(FieldMigration.expression("ex_users", "first_name", "full_name",
                "UPPER(first_name)"))).isInstanceOf(FieldMigrationException.class).hasMessageContaining("withNewColumnType");
        assertThat(fm.find("unsafe")).isEmpty();
        assertThat(app.catalog().require("ex_users").hasColumn("full_name")).isFalse();

        String name = "ex_users.first_name->full_name";
        fm.expand(FieldMigration.expression("ex_users", "first_name", "full_name",
                "CONCAT(UPPER(first_name), ' ', t.last_name)").withNewColumnType("VARCHAR(120)"));
        fm.startDualWrite(name);
        db.execute("INSERT INTO ex_users (id, first_name, last_name) VALUES (5001, 'ann', 'lee')",
                "UPDATE ex_users SET last_name = 'changed' WHERE id = 1",
                "UPDATE ex_users SET full_name = 'written directly' WHERE id = 2");
        assertThat(string("SELECT full_name FROM ex_users WHERE id = 5001")).isEqualTo("ANN lee");
        assertThat(string("SELECT full_name FROM ex_users WHERE id = 1")).isEqualTo("FIRST1 changed");
        assertThat(string("SELECT full_name FROM ex_users WHERE id = 2")).as("the expression wins")
                .isEqualTo("FIRST2 last2");
        fm.startBackfill(name, BackfillOptions.defaults().withSlices(2));
        instance("node", db.newPool(2)).cleanup().newWorker(quiet()).run();
        assertThat(fm.progress(name).complete()).isTrue();
        assertThat(fm.verify(name).passed()).isTrue();
        assertThat(string("SELECT full_name FROM ex_users WHERE id = 1500")).isEqualTo("FIRST1500 last1500");
    }

    // ---------------------------------------------------------------- guards and abort

    @Test
    void stepsOutOfOrderAreRefusedAndAudited() {
        users("gd_users", 200);
        SoftDelete app = instance("app", dataSource());
        FieldMigrations fm = app.fieldMigrations();
        String name = "gd_users.full_name->display_name";
        fm.expand(FieldMigration.rename("gd_users", "full_name", "display_name"));
        assertThatThrownBy(() -> fm.startBackfill(name)).isInstanceOf(FieldMigrationStateException.class)
                .hasMessageContaining("EXPAND").hasMessageContaining("startDualWrite");
        assertThatThrownBy(() -> fm.readNew(name)).isInstanceOf(FieldMigrationStateException.class)
                .hasMessageContaining("READ_NEW").hasMessageContaining("VERIFIED");
        fm.startDualWrite(name);
        assertThatThrownBy(() -> fm.verify(name)).isInstanceOf(FieldMigrationStateException.class);
        fm.startBackfill(name, BackfillOptions.defaults().withSlices(2));
        assertThatThrownBy(() -> fm.verify(name)).as("backfill not run yet")
                .isInstanceOf(FieldMigrationStateException.class).hasMessageContaining("not complete");
        assertThatThrownBy(() -> fm.readNew(name)).isInstanceOf(FieldMigrationStateException.class)
                .hasMessageContaining("BACKFILL");
        assertThatThrownBy(() -> fm.contract(name)).isInstanceOf(FieldMigrationStateException.class);
        instance("worker", db.newPool(2)).cleanup().newWorker(quiet()).run();
        fm.verify(name);
        fm.readNew(name);
        fm.reportReading(name, ReadMode.COALESCE); // this instance still runs V2
        assertThatThrownBy(() -> fm.contract(name)).isInstanceOf(FieldMigrationStateException.class)
                .hasMessageContaining("app=COALESCE");
        clock.advance(Duration.ofMinutes(11)); // the report ages out
        assertThat(fm.contract(name).phase()).isEqualTo(Phase.CONTRACTED);
        assertThatThrownBy(() -> fm.abort(name)).isInstanceOf(FieldMigrationStateException.class)
                .hasMessageContaining("final");
        assertThat(app.auditLog().forTarget(FieldMigrations.AUDIT_TARGET, name, 100)).filteredOn(
                e -> e.outcome().equals("REFUSED")).hasSizeGreaterThanOrEqualTo(6);
        assertThatThrownBy(() -> fm.expand(FieldMigration.rename("gd_users", "email", "full_name")))
                .isInstanceOf(FieldMigrationException.class).hasMessageContaining("already has a column");
        assertThatThrownBy(() -> fm.expand(FieldMigration.rename("gd_users", "email", "mail")
                .withNewColumnType("VARCHAR(10) DEFAULT 'x'"))).isInstanceOf(FieldMigrationException.class);
    }

    @Test
    void abortStopsDualWriteAndTheBackfillAndLeavesTheOldFieldIntact() {
        users("ab_users", 1_000);
        SoftDelete app = instance("app", dataSource());
        FieldMigrations fm = app.fieldMigrations();
        String name = "ab_users.full_name->display_name";
        String before = checksum("ab_users", "full_name");
        fm.expand(FieldMigration.rename("ab_users", "full_name", "display_name"));
        fm.startDualWrite(name);
        List<CleanupJob> jobs = fm.startBackfill(name, BackfillOptions.defaults().withSlices(3));
        FieldMigrationState aborted = fm.abort(name);
        assertThat(aborted.phase()).isEqualTo(Phase.ABORTED);
        assertThat(aborted.readMode()).isEqualTo(ReadMode.OLD);
        assertThat(jobs(app, jobs.get(0).runId(), "status = 'FAILED'")).isEqualTo(3);
        assertThat(app.runRegistry().require(aborted.runId()).status()).isEqualTo(RunStatus.FAILED);
        instance("worker", db.newPool(2)).cleanup().newWorker(quiet()).run();
        assertThat(db.queryLong("SELECT COUNT(*) FROM ab_users WHERE display_name IS NOT NULL")).isZero();
        db.execute("UPDATE ab_users SET full_name = 'after abort' WHERE id = 5");
        assertThat(string("SELECT display_name FROM ab_users WHERE id = 5")).as("no trigger left").isNull();
        db.execute("UPDATE ab_users SET full_name = 'name 5' WHERE id = 5");
        assertThat(checksum("ab_users", "full_name")).isEqualTo(before);
        assertThat(fm.abort(name).phase()).as("again: idempotent").isEqualTo(Phase.ABORTED);
        assertThat(actions(app, name)).contains("field_migration.abort");
    }

    private String checksum(String table, String column) {
        return db.queryLong("SELECT COUNT(*) FROM " + table + " WHERE " + column + " IS NULL") + "/"
                + db.queryLong("SELECT SUM(LENGTH(" + column + ")) FROM " + table) + "/"
                + string("SELECT MAX(" + column + ") FROM " + table);
    }

    // ---------------------------------------------------------------- two workers

    @Test
    void twoWorkersOnSeparatePoolsSplitTheSlicesAndFillEveryRowOnce() throws Exception {
        users("tw_users", 8_000);
        SoftDelete app = instance("app", dataSource());
        String name = "tw_users.full_name->display_name";
        app.fieldMigrations().expand(FieldMigration.rename("tw_users", "full_name", "display_name"));
        app.fieldMigrations().startDualWrite(name);
        long needing = db.queryLong("SELECT COUNT(*) FROM tw_users WHERE full_name IS NOT NULL");
        List<CleanupJob> jobs = app.fieldMigrations().startBackfill(name, BackfillOptions.defaults().withSlices(8)
                .withFixedBatchSize(250).withRowsPerSecond(1e9));

        CountDownLatch bothWorking = new CountDownLatch(2);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Thread> workers = new java.util.ArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 2; i++) {
            SoftDelete node = instance("node" + i, db.newPool(2));
            node.fieldMigrations().useSleeper(d -> {
                if (threads.add(Thread.currentThread().getName())) {
                    bothWorking.countDown();
                    bothWorking.await(60, TimeUnit.SECONDS); // each holds its first slice until both have one
                }
            });
            CleanupWorker worker = node.cleanup().newWorker(quiet());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            Thread t = new Thread(() -> {
                // poll as a scheduler would, until every slice is done
                while (app.fieldMigrations().require(name).phase() == Phase.BACKFILL
                        && !app.fieldMigrations().progress(name).complete() && System.nanoTime() < deadline) {
                    worker.run();
                }
            }, "worker-" + i);
            t.setUncaughtExceptionHandler((th, e) -> errors.add(e));
            workers.add(t);
        }
        workers.forEach(Thread::start);
        for (Thread t : workers) {
            t.join(120_000);
        }
        assertThat(errors).isEmpty();
        assertThat(threads).containsExactlyInAnyOrder("worker-0", "worker-1");
        long runId = jobs.get(0).runId();
        assertThat(jobs(app, runId, "status = 'DONE' AND attempts = 1")).isEqualTo(8);
        assertThat(db.queryLong("SELECT SUM(rows_processed) FROM " + app.schema().table(LibraryTable.CLEANUP_JOBS)
                + " WHERE run_id = " + runId)).as("each row filled by exactly one batch").isEqualTo(needing);
        assertThat(app.runRegistry().require(runId).affectedCount()).isEqualTo(needing);
        assertThat(app.runRegistry().require(runId).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(app.fieldMigrations().verify(name).passed()).isTrue();
    }

    // ---------------------------------------------------------------- SIGKILL of a worker JVM

    @Test
    void aKilledWorkerJvmIsTakenOverAndAnotherWorkerFinishesWithNoBatchLost() throws Exception {
        CrashDb crash = crashDatabase();
        try (HikariDataSource ds = crash.pool()) {
            execute(ds, "CREATE TABLE kl_users (id BIGINT PRIMARY KEY, full_name VARCHAR(100))",
                    "INSERT INTO kl_users (id, full_name) SELECT n, CONCAT('name ', n) FROM "
                            + db.database().numberSeries(1, 1_000));
            Instant realNow = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            SoftDelete setup = SoftDelete.builder(ds).instanceId("setup").build();
            String name = "kl_users.full_name->display_name";
            setup.fieldMigrations().expand(FieldMigration.rename("kl_users", "full_name", "display_name"));
            setup.fieldMigrations().startDualWrite(name);
            List<CleanupJob> jobs = setup.fieldMigrations().startBackfill(name, BackfillOptions.defaults()
                    .withSlices(2).withFixedBatchSize(20).withRowsPerSecond(200));
            long runId = jobs.get(0).runId();

            Path log = Files.createTempFile("field-migration-crash-child", ".log");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), FieldMigrationCrashChild.class.getName(),
                    crash.url(), crash.user(), crash.password())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            long done = 0;
            while (System.nanoTime() < deadline && done < 100) {
                done = setup.runRegistry().require(runId).affectedCount();
                Thread.sleep(50); // waiting for another process to make progress, not for time to pass
            }
            child.destroyForcibly(); // SIGKILL on Unix
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(done).as("child log: %s", Files.readString(log)).isGreaterThanOrEqualTo(100);
            RunRecord killed = setup.runRegistry().require(runId);
            assertThat(killed.affectedCount()).isLessThan(1_000);
            List<CleanupJob> held = setup.cleanup().queue().jobsOfRun(JobType.BACKFILL, runId).stream()
                    .filter(j -> j.status() == JobStatus.RUNNING).toList();
            assertThat(held).hasSize(1);
            assertThat(held.get(0).leaseOwner()).startsWith("crash-child");

            SoftDelete rescuer = SoftDelete.builder(ds).clock(new SettableClock(realNow.plus(Duration.ofHours(2))))
                    .instanceId("rescuer").build();
            rescuer.fieldMigrations().useSleeper(d -> { });
            rescuer.cleanup().newWorker(quiet()).run();

            assertThat(queryLong(ds, "SELECT COUNT(*) FROM kl_users WHERE display_name IS NULL OR display_name <> full_name"))
                    .isZero();
            List<CleanupJob> after = rescuer.cleanup().queue().jobsOfRun(JobType.BACKFILL, runId);
            assertThat(after).allSatisfy(j -> assertThat(j.status()).isEqualTo(JobStatus.DONE));
            assertThat(after.stream().filter(j -> j.id() == held.get(0).id()).findFirst().orElseThrow().attempts())
                    .isEqualTo(2);
            assertThat(after.stream().mapToLong(CleanupJob::rowsProcessed).sum()).as("no batch lost or counted twice")
                    .isEqualTo(1_000);
            assertThat(rescuer.runRegistry().require(runId).affectedCount()).isEqualTo(1_000);
            assertThat(rescuer.fieldMigrations().verify(name).passed()).isTrue();
            Files.deleteIfExists(log);
        } finally {
            crash.drop();
        }
    }

    private CrashDb crashDatabase() throws Exception {
        if (db.database().reachableFromOtherProcesses()) {
            return new CrashDb(db.jdbcUrl(), db.user(), db.password(), null);
        }
        File dir = Files.createTempDirectory("fm-h2").toFile();
        return new CrashDb("jdbc:h2:file:" + dir.getAbsolutePath() + "/crash;AUTO_SERVER=TRUE", "sa", "", dir);
    }

    record CrashDb(String url, String user, String password, File dir) {
        HikariDataSource pool() {
            HikariDataSource ds = new HikariDataSource();
            ds.setJdbcUrl(url);
            ds.setUsername(user);
            ds.setPassword(password);
            ds.setMaximumPoolSize(3);
            return ds;
        }

        void drop() {
            if (dir != null) {
                for (File f : dir.listFiles()) {
                    f.delete();
                }
                dir.delete();
            }
        }
    }

    private static void execute(DataSource ds, String... sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String each : sql) {
                s.execute(each);
            }
        }
    }

    private static long queryLong(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---------------------------------------------------------------- T98.2 concurrent writers

    @Test
    void oldAndNewVersionWritersAndReadersSeeNoNullOrStaleValueWhileTheBackfillRuns() throws Exception {
        int rows = 6_000;
        users("cw_users", rows);
        SoftDelete app = instance("app", dataSource());
        FieldMigrations fm = app.fieldMigrations();
        String name = "cw_users.full_name->display_name";
        fm.expand(FieldMigration.rename("cw_users", "full_name", "display_name"));
        fm.startDualWrite(name);
        fm.startBackfill(name, BackfillOptions.defaults().withSlices(4).withFixedBatchSize(100)
                .withFailureThreshold(5, 0.5, 20));

        AtomicBoolean backfillDone = new AtomicBoolean();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        AtomicInteger v1Writes = new AtomicInteger();
        AtomicInteger v2Writes = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        String coalescing = "SELECT COALESCE(display_name, full_name) FROM cw_users WHERE id = ?";
        DataSource writerPool = db.newPool(3);
        List<Thread> threads = new java.util.ArrayList<>();
        // V1: old code, writes only full_name (ids = 0 mod 3), plus inserts of new rows
        threads.add(new Thread(() -> loop(backfillDone, errors, 200, i -> {
            long id = 3L * (1 + (i * 7L) % (rows / 3 - 1));
            String value = "v1 write " + i;
            update(writerPool, "UPDATE cw_users SET full_name = ? WHERE id = ?", value, id);
            require(read(writerPool, coalescing, id), value, "V1 write of " + id);
            long inserted = rows + 1 + i;
            update(writerPool, "INSERT INTO cw_users (id, full_name) VALUES (?, ?)", inserted, "v1 insert " + i);
            require(read(writerPool, coalescing, inserted), "v1 insert " + i, "V1 insert of " + inserted);
            v1Writes.incrementAndGet();
        })));
        // V2: new code, writes only display_name (ids = 1 mod 3); V1 readers of full_name see it too
        threads.add(new Thread(() -> loop(backfillDone, errors, 200, i -> {
            long id = 1 + 3L * ((i * 11L) % (rows / 3 - 1));
            String value = "v2 write " + i;
            update(writerPool, "UPDATE cw_users SET display_name = ? WHERE id = ?", value, id);
            require(read(writerPool, coalescing, id), value, "V2 write of " + id);
            require(read(writerPool, "SELECT full_name FROM cw_users WHERE id = ?", id), value, "V1 read of " + id);
            v2Writes.incrementAndGet();
        })));
        // readers of untouched rows (ids = 2 mod 3): never NULL, never anything but the original
        threads.add(new Thread(() -> loop(backfillDone, errors, 400, i -> {
            long id = 2 + 3L * ((i * 13L) % (rows / 3 - 1));
            String expected = id % 10 == 0 ? null : "name " + id;
            require(read(writerPool, coalescing, id), expected, "read of " + id);
            reads.incrementAndGet();
        })));
        List<Thread> workers = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            CleanupWorker worker = instance("node" + i, db.newPool(2)).cleanup().newWorker(quiet());
            workers.add(new Thread(worker));
        }
        threads.forEach(Thread::start);
        workers.forEach(Thread::start);
        for (Thread t : workers) {
            t.join(180_000);
        }
        backfillDone.set(true);
        for (Thread t : threads) {
            t.join(180_000);
        }
        assertThat(errors).isEmpty();
        assertThat(v1Writes.get()).isGreaterThanOrEqualTo(200);
        assertThat(v2Writes.get()).isGreaterThanOrEqualTo(200);
        assertThat(reads.get()).isGreaterThanOrEqualTo(400);
        BackfillProgress progress = fm.progress(name);
        assertThat(progress.complete()).as("%s", progress).isTrue();
        MigrationVerification verified = fm.verify(name);
        assertThat(verified.mismatches()).as("sample %s", verified.sampleKeys()).isZero();
        assertThat(verified.phase()).isEqualTo(Phase.VERIFIED);
    }

    @FunctionalInterface
    private interface Step {
        void run(int i) throws Exception;
    }

    /** Runs {@code step} until {@code done} and at least {@code minimum} times, recording the first error. */
    private static void loop(AtomicBoolean done, List<Throwable> errors, int minimum, Step step) {
        try {
            for (int i = 0; i < minimum || !done.get(); i++) {
                step.run(i);
            }
        } catch (Throwable e) {
            errors.add(e);
        }
    }

    private static void update(DataSource ds, String sql, Object... params) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    private static String read(DataSource ds, String sql, long id) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : "<no row>";
            }
        }
    }

    private static void require(String actual, String expected, String what) {
        if (!java.util.Objects.equals(actual, expected)) {
            throw new AssertionError(what + ": expected " + expected + " but read " + actual);
        }
    }

    // ---------------------------------------------------------------- pause, resume, cancel, progress

    @Test
    void pauseResumeCancelAndProgressWithEtaFromAnyInstance() {
        users("pr_users", 1_000);
        SoftDelete app = instance("app", dataSource());
        SoftDelete operator = instance("operator", db.newPool(2));
        String name = "pr_users.full_name->display_name";
        app.fieldMigrations().expand(FieldMigration.rename("pr_users", "full_name", "display_name"));
        app.fieldMigrations().startDualWrite(name);
        long needing = db.queryLong("SELECT COUNT(*) FROM pr_users WHERE full_name IS NOT NULL");
        List<CleanupJob> jobs = app.fieldMigrations().startBackfill(name, BackfillOptions.defaults().withSlices(1)
                .withFixedBatchSize(100).withRowsPerSecond(100));
        long runId = jobs.get(0).runId();

        SoftDelete node = instance("node", db.newPool(2));
        AtomicInteger batches = new AtomicInteger();
        node.fieldMigrations().useSleeper(d -> {
            clock.advance(d); // the rate limit's wait, on the test's clock
            if (batches.incrementAndGet() == 3) {
                operator.fieldMigrations().pause(name);
            }
        });
        node.cleanup().newWorker(quiet()).run();
        BackfillProgress paused = operator.fieldMigrations().progress(name);
        assertThat(paused.paused()).isTrue();
        assertThat(paused.pauseReason()).contains("paused by");
        assertThat(paused.rowsDone()).isEqualTo(batches.get() * 90L); // every tenth name is NULL
        assertThat(paused.estimatedRows()).isEqualTo(needing);
        assertThat(paused.rowsPerSecond()).as("the rate limit, on the test's clock").isEqualTo(100.0);
        assertThat(paused.eta()).isEqualTo(Duration.ofSeconds((long) Math.ceil((needing - paused.rowsDone()) / 100.0)));
        assertThat(app.runRegistry().require(runId).status()).isEqualTo(RunStatus.PAUSED);
        assertThat(jobs(app, runId, "status = 'QUEUED'")).as("deferred, not failed").isEqualTo(1);
        assertThat(node.cleanup().newWorker(quiet()).runOne()).as("not due while paused").isFalse();

        operator.fieldMigrations().resume(name);
        assertThat(app.runRegistry().require(runId).status()).isEqualTo(RunStatus.RUNNING);
        node.fieldMigrations().useSleeper(d -> { });
        node.cleanup().newWorker(quiet()).run();
        BackfillProgress done = app.fieldMigrations().progress(name);
        assertThat(done.complete()).isTrue();
        assertThat(done.rowsDone()).isEqualTo(needing);
        assertThat(done.eta()).isNull();

        // cancel: back to DUAL_WRITE, queued jobs failed; a new start is a new run
        db.execute("UPDATE pr_users SET display_name = NULL WHERE id <= 500");
        // (dual write copies display_name back into full_name: restore the old values)
        db.execute("UPDATE pr_users SET full_name = CONCAT('name ', id) WHERE id <= 500 AND MOD(id, 10) <> 0");
        assertThat(app.fieldMigrations().verify(name).passed()).isTrue();
        assertThat(app.fieldMigrations().require(name).phase()).isEqualTo(Phase.VERIFIED);
    }

    @Test
    void cancelGoesBackToDualWriteAndANewStartIsANewRun() {
        users("cn_users", 600);
        SoftDelete app = instance("app", dataSource());
        String name = "cn_users.full_name->display_name";
        FieldMigrations fm = app.fieldMigrations();
        fm.expand(FieldMigration.rename("cn_users", "full_name", "display_name"));
        fm.startDualWrite(name);
        List<CleanupJob> first = fm.startBackfill(name, BackfillOptions.defaults().withSlices(2));
        FieldMigrationState cancelled = fm.cancel(name);
        assertThat(cancelled.phase()).isEqualTo(Phase.DUAL_WRITE);
        assertThat(jobs(app, first.get(0).runId(), "status = 'FAILED' AND last_error LIKE 'Backfill cancelled%'"))
                .isEqualTo(2);
        assertThat(app.runRegistry().require(first.get(0).runId()).status()).isEqualTo(RunStatus.FAILED);
        List<CleanupJob> second = fm.startBackfill(name, BackfillOptions.defaults().withSlices(2));
        assertThat(second.get(0).runId()).isNotEqualTo(first.get(0).runId());
        assertThat(app.runRegistry().require(second.get(0).runId()).parentRunId()).isEqualTo(first.get(0).runId());
        instance("node", db.newPool(2)).cleanup().newWorker(quiet()).run();
        assertThat(fm.progress(name).complete()).isTrue();
        assertThat(fm.verify(name).passed()).isTrue();
        assertThat(actions(app, name)).contains("field_migration.backfill_cancelled");
    }

    // ---------------------------------------------------------------- failures pause the migration

    @Test
    void aBatchThatKeepsFailingPausesTheMigrationUntilResumed() {
        users("fl_users", 1_000);
        db.execute("UPDATE fl_users SET full_name = 'a name far too long for ten' WHERE id BETWEEN 501 AND 505");
        SoftDelete app = instance("app", dataSource());
        FieldMigrations fm = app.fieldMigrations();
        String name = "fl_users.full_name->short_name";
        fm.expand(FieldMigration.copy("fl_users", "full_name", "short_name").withNewColumnType("VARCHAR(10)"));
        fm.startDualWrite(name);
        db.execute("UPDATE fl_users SET full_name = 'short' WHERE MOD(id, 100) = 1 AND id < 500");
        List<CleanupJob> jobs = fm.startBackfill(name, BackfillOptions.defaults().withSlices(1).withFixedBatchSize(100));
        long runId = jobs.get(0).runId();
        db.execute("UPDATE fl_users SET full_name = CONCAT('n', id) WHERE id < 500 AND full_name IS NOT NULL AND"
                + " LENGTH(full_name) > 10");
        List<dev.softdelete.core.alert.Alert> alerts = new CopyOnWriteArrayList<>();
        instance("node", db.newPool(2)).cleanup().newWorker(quiet().withAlertListener(alerts::add)).run();
        assertThat(alerts).extracting(dev.softdelete.core.alert.Alert::type).containsExactly("field_migration.backfill_paused");
        FieldMigrationState paused = fm.require(name);
        assertThat(paused.paused()).isTrue();
        assertThat(paused.pauseReason()).contains("failed 3 times").contains("after key 500");
        RunRecord run = app.runRegistry().require(runId);
        assertThat(run.status()).isEqualTo(RunStatus.PAUSED);
        assertThat(run.failedBatches()).isEqualTo(3);
        assertThat(jobs(app, runId, "status = 'QUEUED'")).isEqualTo(1);
        assertThat(actions(app, name)).contains("field_migration.backfill_paused");

        db.execute("UPDATE fl_users SET full_name = CONCAT('n', id) WHERE LENGTH(full_name) > 10");
        fm.resume(name);
        instance("node2", db.newPool(2)).cleanup().newWorker(quiet()).run();
        assertThat(fm.progress(name).complete()).isTrue();
        assertThat(fm.verify(name).passed()).isTrue();
    }

    // ---------------------------------------------------------------- DDL does not queue behind a long transaction

    @Test
    void expandGivesUpQuicklyWhileATransactionHoldsTheTableAndSucceedsOnceItEnds() throws Exception {
        users("lk_busy", 100);
        SoftDelete app = instance("app", dataSource());
        FieldMigration definition = FieldMigration.rename("lk_busy", "full_name", "display_name")
                .withDdlLock(Duration.ofMillis(300), 2);
        try (Connection holder = db.newPool(1).getConnection()) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.executeUpdate("UPDATE lk_busy SET email = 'held' WHERE id = 1");
            }
            assertThatThrownBy(() -> app.fieldMigrations().expand(definition))
                    .isInstanceOf(FieldMigrationException.class).hasMessageContaining("lock was not granted")
                    .hasMessageContaining("2 attempts");
            holder.rollback();
        }
        assertThat(app.fieldMigrations().require(definition.name()).phase()).isEqualTo(Phase.EXPAND);
        assertThat(app.fieldMigrations().expand(definition).phase()).isEqualTo(Phase.EXPAND);
        assertThat(app.catalog().require("lk_busy").hasColumn("display_name")).isTrue();
        assertThat(actions(app, definition.name())).contains("field_migration.expand");
    }
}
