package dev.softdelete.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.check.UniqueKeyReport.Coverage;
import dev.softdelete.core.metrics.MetricNames;
import dev.softdelete.core.metrics.micrometer.MicrometerMetrics;
import dev.softdelete.core.table.SoftDeletableTable;
import dev.softdelete.core.time.SettableClock;
import dev.softdelete.testing.DatabaseTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The setup check of soft-deletable tables, on each database. */
public abstract class TableCheckContract extends DatabaseTest {

    @BeforeAll
    void tables() {
        String ts = database().localTimestampType();
        db.execute("CREATE TABLE good_items (id BIGINT PRIMARY KEY, code VARCHAR(20) NOT NULL, deleted_at " + ts + ","
                        + " deleted_by VARCHAR(100))",
                "CREATE INDEX ix_good_items_deleted_at ON good_items (deleted_at)",
                "INSERT INTO good_items (id, code) VALUES (1, 'a')",
                "INSERT INTO good_items (id, code, deleted_at, deleted_by) VALUES (2, 'a', TIMESTAMP '2026-01-01 00:00:00', 'x')",
                "INSERT INTO good_items (id, code, deleted_at, deleted_by) VALUES (3, 'b', TIMESTAMP '2026-01-02 00:00:00', 'x')");
        // Unique among active rows: what ActiveUniqueKeys emits, by what the database can do.
        if (dialect().supportsPartialIndex()) {
            db.execute("CREATE UNIQUE INDEX uq_good_items_code ON good_items (code) WHERE deleted_at IS NULL");
        } else {
            db.execute("ALTER TABLE good_items ADD COLUMN " + TableCheck.ACTIVE_FLAG_COLUMN + " "
                            + dialect().generatedColumn("SMALLINT", "CASE WHEN deleted_at IS NULL THEN 1 END"),
                    "CREATE UNIQUE INDEX uq_good_items_code ON good_items (code, " + TableCheck.ACTIVE_FLAG_COLUMN + ")");
        }
        db.execute("CREATE TABLE bad_items (id BIGINT, code VARCHAR(20), deleted_at VARCHAR(30),"
                + " CONSTRAINT uq_bad_items_code UNIQUE (code))");
        db.execute("CREATE TABLE marked_items (id BIGINT PRIMARY KEY, code VARCHAR(20), deleted_at " + ts + " NOT NULL,"
                + " deleted_by INTEGER, CONSTRAINT uq_marked_items_code UNIQUE (code, deleted_at))");
    }

    private SoftDelete softDelete(SimpleMeterRegistry registry) {
        // Row 2 was deleted 36 hours before this clock, row 3 twelve hours before.
        return softDelete(b -> b.initializeSchema(false).metrics(MicrometerMetrics.of(registry))
                .clock(new SettableClock(Instant.parse("2026-01-02T12:00:00Z")))
                .softDeletable(SoftDeletableTable.of("good_items"))
                .softDeletable(SoftDeletableTable.of("bad_items").withKeyColumn("id"))
                .softDeletable(SoftDeletableTable.of("marked_items"))
                .softDeletable(SoftDeletableTable.of("ghost_items")));
    }

    @Test
    void aWellSetUpTableHasNeitherProblemNorWarningAndItsRowsAreCounted() {
        TableReport report = softDelete(new SimpleMeterRegistry()).tableCheck().check("good_items");
        assertThat(report.exists()).isTrue();
        assertThat(report.problems()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.key().suitable()).isTrue();
        assertThat(report.marker().suitable()).isTrue();
        assertThat(report.marker().nullable()).isTrue();
        assertThat(report.deletedBy().suitable()).isTrue();
        assertThat(report.markerIndexes()).singleElement().satisfies(i -> assertThat(i).isEqualToIgnoringCase(
                "ix_good_items_deleted_at"));
        assertThat(report.uniqueKeys()).singleElement().satisfies(k -> {
            assertThat(k.name()).isEqualToIgnoringCase("uq_good_items_code");
            assertThat(k.coverage()).isEqualTo(Coverage.ACTIVE_ROWS);
        });
        assertThat(report.activeRows()).isEqualTo(1);
        assertThat(report.deletedRows()).isEqualTo(2);
        assertThat(report.deletedLastDay()).isEqualTo(1);
        if (database().reportsTableSize()) {
            assertThat(report.sizeBytes()).isPositive();
        } else {
            assertThat(report.sizeBytes()).isNull();
        }
    }

    @Test
    void wrongTypesAMissingColumnAndAKeyThatIsNotUniqueAreProblems() {
        TableReport report = softDelete(new SimpleMeterRegistry()).tableCheck().check("bad_items");
        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).hasSize(3);
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).startsWith("Key column id of bad_items is neither"
                + " the primary key nor unique"));
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).startsWith("Marker column deleted_at of bad_items"
                + " is ").contains("it must be a nullable timestamp"));
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).startsWith("Deleted-by column deleted_by is missing"
                + " from bad_items"));
        assertThat(report.deletedBy().present()).isFalse();
        assertThat(report.uniqueKeys()).singleElement().extracting(UniqueKeyReport::coverage).isEqualTo(Coverage.ALL_ROWS);
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("counts deleted rows too"));
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).startsWith("No index of bad_items starts with deleted_at"));
        assertThat(report.activeRows()).isZero();
        assertThat(report.deletedLastDay()).as("a text marker is not compared with times").isNull();
    }

    @Test
    void aMarkerInsideAUniqueKeyAndNotNullMarkersAreCaught() {
        TableReport report = softDelete(new SimpleMeterRegistry()).tableCheck().check("marked_items");
        assertThat(report.uniqueKeys()).singleElement().extracting(UniqueKeyReport::coverage)
                .isEqualTo(Coverage.NOT_ENFORCED_AMONG_ACTIVE_ROWS);
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("lets duplicates among active rows through"));
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("NOT NULL: it must be a nullable timestamp"));
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).startsWith("Deleted-by column deleted_by of"
                + " marked_items is ").contains("it must be nullable text"));
        assertThat(report.markerIndexes()).as("the unique key (code, deleted_at) is led by code").isEmpty();
    }

    @Test
    void aDeclaredTableThatDoesNotExistIsAProblemNotAFailure() {
        TableReport report = softDelete(new SimpleMeterRegistry()).tableCheck().check("ghost_items");
        assertThat(report.exists()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p).startsWith(
                "Table ghost_items does not exist in the current schema"));
        assertThat(report.activeRows()).isNull();
    }

    @Test
    void checkAllReportsEveryDeclaredTableAndTheGaugesShowTheLatestCheck() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SoftDelete softDelete = softDelete(registry);
        assertThat(registry.find(MetricNames.TABLE_ROWS).gauges()).as("nothing before a check").isEmpty();

        List<TableReport> reports = softDelete.tableCheck().checkAll();
        assertThat(reports).extracting(TableReport::table)
                .containsExactly("bad_items", "ghost_items", "good_items", "marked_items");
        assertThat(registry.get(MetricNames.TABLE_ROWS).tags("table", "good_items", "state", "deleted").gauge().value())
                .isEqualTo(2.0);
        assertThat(registry.get(MetricNames.TABLE_ROWS).tags("table", "good_items", "state", "active").gauge().value())
                .isEqualTo(1.0);
        assertThat(registry.get(MetricNames.TABLE_ROWS).tags("table", "ghost_items", "state", "active").gauge().value())
                .isNaN();
        double size = registry.get(MetricNames.TABLE_SIZE).tags("table", "good_items").gauge().value();
        assertThat(database().reportsTableSize() ? size > 0 : Double.isNaN(size)).isTrue();

        db.execute("INSERT INTO good_items (id, code, deleted_at) VALUES (4, 'c', TIMESTAMP '2026-01-03 00:00:00')");
        assertThat(registry.get(MetricNames.TABLE_ROWS).tags("table", "good_items", "state", "deleted").gauge().value())
                .as("gauges never read the database").isEqualTo(2.0);
        softDelete.tableCheck().check("good_items");
        assertThat(registry.get(MetricNames.TABLE_ROWS).tags("table", "good_items", "state", "deleted").gauge().value())
                .isEqualTo(3.0);
        db.execute("DELETE FROM good_items WHERE id = 4");
    }
}
