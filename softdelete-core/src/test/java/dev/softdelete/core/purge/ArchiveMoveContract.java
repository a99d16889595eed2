package dev.softdelete.core.purge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.internal.Sql;
import dev.softdelete.core.jdbc.DataAccessException;
import dev.softdelete.core.jdbc.Jdbc;
import dev.softdelete.core.jdbc.Timeouts;
import dev.softdelete.core.time.SettableClock;
import dev.softdelete.testing.DatabaseTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An archive batch moves exactly the rows it locked, whatever the isolation level: a user linking
 * and unlinking children between the copy and the delete never leaves a row in neither table or in
 * both. (PostgreSQL moves rows in one statement; there is no "between" there.)
 */
public abstract class ArchiveMoveContract extends DatabaseTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final Instant EXPIRED = NOW.minus(Duration.ofDays(40));

    @Test
    void aUserLinkingAndUnlinkingChildrenBetweenCopyAndDeleteNeverSplitsARow() throws Exception {
        Catalogue c = Catalogue.create(db, "mv_");
        c.products(1, 2, EXPIRED);
        // product 2 is still referenced by an active asset; product 1 by nothing
        db.execute("INSERT INTO " + c.assets() + " (id, product_id, url, deleted_at) VALUES (2, 2, 'b', NULL)");
        SoftDelete sd = softDelete(b -> b.clock(new SettableClock(NOW)));
        RetentionPolicy policy = RetentionPolicy.archive(c.products());
        PurgePlan plan = sd.purge().plan(policy);
        sd.jdbc().withConnection(conn -> {
            new ArchiveTables(sd.catalog(), sd.dialect()).ensure(conn, plan);
            return null;
        });
        // the user's own connection waits at most 1 s for a lock
        Jdbc user = new Jdbc(db.newPool(1), sd.dialect(), new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(10)));
        boolean[] linkRefused = {false};
        PurgeStatements statements = new PurgeStatements(sd.dialect(), () -> {
            user.inTransaction(u -> user.update(u, "DELETE FROM " + c.assets() + " WHERE product_id = 2"));
            try {
                user.inTransaction(u -> user.update(u, "INSERT INTO " + c.assets()
                        + " (id, product_id, url, deleted_at) VALUES (99, 1, 'a', NULL)"));
            } catch (DataAccessException e) {
                linkRefused[0] = true; // waited for the batch's lock on product 1
            }
        });
        PlanStep step = plan.root();
        PurgePredicates p = new PurgePredicates(sd.dialect(), plan, policy.cutoff(NOW), KeyRange.ALL);
        String table = p.q(step.name());
        Sql where = p.candidate(step, table).append(p.unreferenced(step, table, statements.selfReferenceInDelete(), null,
                Long.MAX_VALUE)); // one batch over every key
        String names = step.table().columns().stream().map(col -> p.q(col.name())).collect(Collectors.joining(", "));
        String qualified = step.table().columns().stream().map(col -> table + "." + p.q(col.name()))
                .collect(Collectors.joining(", "));

        try (Connection conn = dataSource().getConnection()) {
            conn.setAutoCommit(false);
            conn.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try {
                statements.moveToArchive(sd.jdbc(), conn, table, sd.dialect().quote(policy.archiveTable()), names,
                        qualified, table + "." + p.q(step.key().name()), where,
                        Sql.empty().append("?", NOW).append(", ?", 0L));
                conn.commit();
            } catch (PurgeConflictException | SQLException e) {
                conn.rollback(); // the batch is retried later; what matters is that no row was split
            }
        }

        for (long id = 1; id <= 2; id++) {
            long live = c.count(c.products(), "id = " + id);
            long archived = c.count(policy.archiveTable(), "id = " + id);
            assertThat(live + archived).as("product %d: live %d, archived %d (link refused: %s)", id, live, archived,
                    linkRefused[0]).isEqualTo(1);
        }
    }
}
