package dev.softdelete.core.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.dialect.InvalidIdentifierException;
import dev.softdelete.core.purge.Catalogue;
import dev.softdelete.core.purge.KeyRange;
import dev.softdelete.core.purge.RetentionPolicy;
import dev.softdelete.core.schema.LibraryTable;
import dev.softdelete.core.time.SettableClock;
import dev.softdelete.testing.DatabaseTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 1, on every database: names that would re-key a job payload are refused when the
 * policy is built, and a job row whose payload was edited in the database fails with a clear error
 * and deletes nothing.
 */
public abstract class TamperedJobContract extends DatabaseTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final Instant EXPIRED = NOW.minus(Duration.ofDays(40));

    @Test
    void namesThatWouldReKeyAPayloadAreRefusedAtConstruction() {
        assertThatThrownBy(() -> RetentionPolicy.purge("items").withArchiveTable("items_archive;marker=updated_at"))
                .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("items_archive;marker=updated_at");
        assertThatThrownBy(() -> RetentionPolicy.purge("x;table=victim"))
                .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("x;table=victim");
    }

    @Test
    void aJobWhosePayloadWasEditedFailsClearlyAndDeletesNothing() {
        Catalogue items = Catalogue.create(db, "tj_");
        items.products(1, 10, EXPIRED);
        Catalogue victim = Catalogue.create(db, "vi_");
        victim.products(1, 10, EXPIRED);
        SoftDelete sd = SoftDelete.builder(dataSource()).clock(new SettableClock(NOW)).build();
        String jobs = sd.schema().table(LibraryTable.CLEANUP_JOBS);
        CleanupJob notADocument = sd.cleanup().queue().enqueue(RetentionPolicy.purge(items.products()));
        CleanupJob otherTable = sd.cleanup().queue().enqueue(RetentionPolicy.purge(items.products()));
        db.execute("UPDATE " + jobs + " SET payload = 'table=" + victim.products() + ";action=PURGE;retention=PT1S'"
                + " WHERE id = " + notADocument.id());
        String forged = new JobPayload(RetentionPolicy.purge(victim.products()), NOW, KeyRange.ALL).encode();
        db.execute("UPDATE " + jobs + " SET payload = '" + forged + "' WHERE id = " + otherTable.id());

        CleanupWorker worker = sd.cleanup().newWorker(CleanupSettings.defaults().withAlertListener(a -> { }));
        assertThat(worker.runOne()).isTrue();
        assertThat(worker.runOne()).isTrue();
        assertThat(worker.runOne()).as("nothing left to claim").isFalse();

        assertThat(db.queryLong("SELECT COUNT(*) FROM " + jobs + " WHERE id = " + notADocument.id()
                + " AND status = 'FAILED' AND last_error LIKE '%payload%'")).as("unreadable payload").isEqualTo(1);
        assertThat(db.queryLong("SELECT COUNT(*) FROM " + jobs + " WHERE id = " + otherTable.id()
                + " AND status = 'FAILED' AND last_error LIKE '%" + victim.products() + "%'"))
                .as("payload naming another table").isEqualTo(1);
        assertThat(items.count(items.products())).isEqualTo(10);
        assertThat(victim.count(victim.products())).isEqualTo(10);
    }
}
