package dev.softdelete.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.softdelete.core.cleanup.CleanupSettings;
import dev.softdelete.core.migration.BackfillOptions;
import dev.softdelete.core.migration.FieldMigration;
import dev.softdelete.core.migration.FieldMigrations;
import dev.softdelete.core.migration.Phase;
import dev.softdelete.core.schema.LibraryTable;
import dev.softdelete.hibernate.model.CoalescedUser;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * {@link CoalescingRead}: a session factory built in each phase reads the old column, new-else-old,
 * or the new column only, and reports that for {@code contract}.
 */
abstract class CoalescingReadContract extends HibernateDatabaseTest {

    private static final String NAME = "cr_users.full_name->display_name";

    @Override
    protected void createExtraSchema(String timestampType) {
        db.execute("CREATE TABLE cr_users (id BIGINT PRIMARY KEY, full_name VARCHAR(100))",
                "INSERT INTO cr_users (id, full_name) VALUES (1, 'name 1'), (2, 'name 2'), (3, 'name 3')");
    }

    @Override
    protected Class<?>[] extraEntities() {
        return new Class<?>[] {CoalescedUser.class};
    }

    private static String read(SessionFactory factory, long id) {
        return factory.fromTransaction(s -> s.find(CoalescedUser.class, id).displayName);
    }

    private long reports(String mode) {
        return db.queryLong("SELECT COUNT(*) FROM " + core.schema().table(LibraryTable.FIELD_MIGRATION_READERS)
                + " WHERE read_mode = '" + mode + "'");
    }

    @Test
    void eachPhaseReadsWhatItShouldAndReportsIt() {
        assertThat(read(sessionFactory, 1)).as("no migration yet: the old column").isEqualTo("name 1");
        FieldMigrations fm = core.fieldMigrations();
        fm.expand(FieldMigration.rename("cr_users", "full_name", "display_name"));
        try (SessionFactory expanded = buildSessionFactory(core, 1)) {
            assertThat(read(expanded, 1)).isEqualTo("name 1");
            assertThat(reports("OLD")).isEqualTo(1);
        }
        fm.startDualWrite(NAME);
        db.execute("UPDATE cr_users SET display_name = 'new 2' WHERE id = 2");
        try (SessionFactory v2 = buildSessionFactory(core, 1)) {
            assertThat(read(v2, 1)).as("not backfilled yet: new-else-old").isEqualTo("name 1");
            assertThat(read(v2, 2)).isEqualTo("new 2");
            assertThat(reports("COALESCE")).isEqualTo(1);
        }
        fm.startBackfill(NAME, BackfillOptions.defaults().withSlices(1));
        core.cleanup().newWorker(CleanupSettings.defaults().withAlertListener(a -> { })).run();
        assertThat(fm.verify(NAME).passed()).isTrue();
        fm.readNew(NAME);
        try (SessionFactory v3 = buildSessionFactory(core, 1)) {
            assertThat(read(v3, 1)).isEqualTo("name 1");
            assertThat(read(v3, 2)).isEqualTo("new 2");
            assertThat(reports("NEW")).isEqualTo(1);
            assertThat(reports("COALESCE")).isZero();
            assertThat(fm.contract(NAME).phase()).isEqualTo(Phase.CONTRACTED);
            // no trigger any more: a row written by old code only has no new value, and V3 reads just that
            db.execute("INSERT INTO cr_users (id, full_name) VALUES (4, 'old code after contract')");
            assertThat(read(v3, 4)).as("the new column only").isNull();
            assertThat(read(sessionFactory, 4)).as("the first factory still reads the old column")
                    .isEqualTo("old code after contract");
        }
    }
}
