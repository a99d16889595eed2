package dev.softdelete.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.cleanup.CleanupSettings;
import dev.softdelete.core.cleanup.CleanupWorker;
import dev.softdelete.core.migration.BackfillOptions;
import dev.softdelete.core.migration.FieldMigration;
import dev.softdelete.core.migration.FieldMigrations;
import dev.softdelete.core.migration.MigrationVerification;
import dev.softdelete.core.migration.Phase;
import dev.softdelete.hibernate.model.MigratingUser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * T98.2 with Hibernate: while cleanup workers backfill {@code fm_users.display_name}, old-version
 * code writes only {@code full_name} through plain JDBC, new-version code writes
 * {@code display_name} through Hibernate ({@link MigratingUser}, coalescing read), and readers
 * through Hibernate never see a null or stale value; afterwards verify finds no mismatch.
 */
abstract class FieldMigrationHibernateContract extends HibernateDatabaseTest {

    private static final int ROWS = 3_000;

    @Override
    protected void createExtraSchema(String timestampType) {
        db.execute("CREATE TABLE fm_users (id BIGINT PRIMARY KEY, full_name VARCHAR(100))",
                "INSERT INTO fm_users (id, full_name) SELECT n, CONCAT('name ', n) FROM "
                        + database().numberSeries(1, ROWS));
    }

    @Override
    protected Class<?>[] extraEntities() {
        return new Class<?>[] {MigratingUser.class};
    }

    @Test
    void hibernateAndJdbcWritersSeeNoNullOrStaleValueThroughTheCoalescingReadWhileTheBackfillRuns()
            throws Exception {
        FieldMigrations fm = core.fieldMigrations();
        String name = "fm_users.full_name->display_name";
        fm.expand(FieldMigration.rename("fm_users", "full_name", "display_name"));
        fm.startDualWrite(name);
        fm.startBackfill(name, BackfillOptions.defaults().withSlices(4).withFixedBatchSize(100)
                .withFailureThreshold(5, 0.5, 20));

        AtomicBoolean done = new AtomicBoolean();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        AtomicInteger v1 = new AtomicInteger();
        AtomicInteger v2 = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        DataSource jdbc = db.newPool(2);
        List<Thread> writers = new ArrayList<>();
        // V1 through plain JDBC (ids = 0 mod 3), read back through Hibernate's coalescing read
        writers.add(new Thread(() -> loop(done, errors, 150, i -> {
            long id = 3L * (1 + (i * 7L) % (ROWS / 3 - 1));
            String value = "v1 " + i;
            try (Connection c = jdbc.getConnection();
                    PreparedStatement s = c.prepareStatement("UPDATE fm_users SET full_name = ? WHERE id = ?")) {
                s.setString(1, value);
                s.setLong(2, id);
                s.executeUpdate();
            }
            require(fromTransaction(s -> s.find(MigratingUser.class, id).displayName), value, "V1 write of " + id);
            v1.incrementAndGet();
        })));
        // V2 through Hibernate (ids = 1 mod 3, and new rows), read back by V1's JDBC and by Hibernate
        writers.add(new Thread(() -> loop(done, errors, 150, i -> {
            long id = 1 + 3L * ((i * 11L) % (ROWS / 3 - 1));
            String value = "v2 " + i;
            inTransaction(s -> s.find(MigratingUser.class, id).displayName = value);
            require(oldColumn(jdbc, id), value, "V1 read of " + id);
            long inserted = ROWS + 1 + i;
            inTransaction(s -> s.persist(new MigratingUser(inserted, "v2 new " + i)));
            require(oldColumn(jdbc, inserted), "v2 new " + i, "V1 read of new " + inserted);
            require(fromTransaction(s -> s.find(MigratingUser.class, inserted).displayName), "v2 new " + i,
                    "V2 read of new " + inserted);
            v2.incrementAndGet();
        })));
        // readers through Hibernate of rows nobody writes (ids = 2 mod 3)
        writers.add(new Thread(() -> loop(done, errors, 300, i -> {
            long id = 2 + 3L * ((i * 13L) % (ROWS / 3 - 1));
            require(fromTransaction(s -> s.find(MigratingUser.class, id).displayName), "name " + id, "read of " + id);
            reads.incrementAndGet();
        })));
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            SoftDelete node = SoftDelete.builder(db.newPool(2)).clock(clock).instanceId("node" + i).build();
            node.fieldMigrations().useSleeper(d -> { });
            CleanupWorker worker = node.cleanup().newWorker(CleanupSettings.defaults().withAlertListener(a -> { }));
            workers.add(new Thread(worker));
        }
        writers.forEach(Thread::start);
        workers.forEach(Thread::start);
        for (Thread t : workers) {
            t.join(180_000);
        }
        done.set(true);
        for (Thread t : writers) {
            t.join(180_000);
        }
        assertThat(errors).isEmpty();
        assertThat(v1.get()).isGreaterThanOrEqualTo(150);
        assertThat(v2.get()).isGreaterThanOrEqualTo(150);
        assertThat(reads.get()).isGreaterThanOrEqualTo(300);
        assertThat(fm.progress(name).complete()).isTrue();
        MigrationVerification verified = fm.verify(name);
        assertThat(verified.mismatches()).as("sample %s", verified.sampleKeys()).isZero();
        assertThat(verified.phase()).isEqualTo(Phase.VERIFIED);
    }

    @FunctionalInterface
    private interface Step {
        void run(int i) throws Exception;
    }

    private static void loop(AtomicBoolean done, List<Throwable> errors, int minimum, Step step) {
        try {
            for (int i = 0; i < minimum || !done.get(); i++) {
                step.run(i);
            }
        } catch (Throwable e) {
            errors.add(e);
        }
    }

    private static String oldColumn(DataSource ds, long id) throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT full_name FROM fm_users WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : "<no row>";
            }
        }
    }

    private static void require(String actual, String expected, String what) {
        if (!Objects.equals(actual, expected)) {
            throw new AssertionError(what + ": expected " + expected + " but read " + actual);
        }
    }
}
