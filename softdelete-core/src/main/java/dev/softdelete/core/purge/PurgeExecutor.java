package dev.softdelete.core.purge;

import dev.softdelete.core.internal.KeyCodec;
import dev.softdelete.core.internal.Sql;
import dev.softdelete.core.catalog.ColumnInfo;
import dev.softdelete.core.catalog.ForeignKeyInfo;
import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.dialect.Identifier;
import dev.softdelete.core.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs a {@link PurgePlan}: counts for pretend mode, and batched, set-based deletes (or archive
 * moves) for real. No row is ever read into the JVM: each batch reads only the upper key of its
 * window ({@code COUNT} and {@code MAX} over the next {@code batchSize} expired keys, by primary
 * key), then deletes that key range under the full guard of {@link PurgePredicates}.
 *
 * <p>The window tests only the cheap part of the guard (the marker, and the root's key slice), so
 * a child's parent scope (index probes into the parent and its other children) is evaluated once
 * per row, by the {@code DELETE}, not twice. When the {@code DELETE} removed fewer rows than the
 * window counted, one more query in the same transaction counts the rows of the window still
 * expired and in scope: those were skipped (the others were out of scope); it reads the range
 * after the delete, so it evaluates the scope only for the rows that stayed.
 */
final class PurgeExecutor {

    private static final int SAMPLES = 10;

    /** How many times the batch size the slice of parent keys may span to be joined as a slice. */
    static final int SLICE_FACTOR = 4;

    private final Jdbc jdbc;
    private final Dialect dialect;
    private final PurgeStatements statements;
    private final Clock clock;

    PurgeExecutor(Jdbc jdbc, Dialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.statements = new PurgeStatements(dialect);
        this.clock = clock;
    }

    List<TablePreview> pretend(Connection c, PurgePlan plan, Instant cutoff, KeyRange range) throws SQLException {
        List<TablePreview> tables = new ArrayList<>();
        for (PlanStep step : plan.deleteOrder()) {
            PurgePredicates p = new PurgePredicates(dialect, plan, cutoff, range);
            String from = " FROM " + p.q(step.name()) + " a WHERE ";
            long expired = count(c, Sql.empty().append("SELECT COUNT(*)" + from).append(p.candidate(step, "a")));
            long purgeable = count(c, Sql.empty().append("SELECT COUNT(*)" + from).append(p.purgeable(step, "a")));
            Map<String, Long> blocked = new LinkedHashMap<>();
            for (ForeignKeyInfo fk : step.referencedBy()) {
                long n = count(c, Sql.empty().append("SELECT COUNT(*)" + from).append(p.candidate(step, "a"))
                        .append(" AND ").append(p.blockingRows(fk, "a", 0)));
                if (n > 0) {
                    blocked.merge(fk.childTable(), n, Long::sum);
                }
            }
            Sql samples = Sql.empty().append("SELECT a." + p.q(step.key().name()) + from).append(p.purgeable(step, "a"))
                    .append(" ORDER BY a." + p.q(step.key().name()) + " LIMIT " + SAMPLES);
            KeyCodec codec = step.keyCodec();
            List<String> ids = jdbc.query(c, samples.text(), rs -> codec.text(codec.value(rs, 1)), samples.args());
            tables.add(new TablePreview(step.name(), expired, purgeable, blocked, ids));
        }
        return tables;
    }

    /** Deletes (or archives) every purgeable row of the plan, children first, from {@code start}. */
    PurgeResult apply(PurgePlan plan, Instant cutoff, KeyRange range, long runId, PurgeCursor start, BatchHook hook) {
        Map<String, Long> removed = new LinkedHashMap<>();
        plan.deleteOrder().forEach(s -> removed.put(s.name(), 0L));
        long skipped = 0;
        long batches = 0;
        List<PlanStep> steps = plan.deleteOrder();
        for (int i = start.step(); i < steps.size(); i++) {
            PlanStep step = steps.get(i);
            Object last = i == start.step() ? keyValue(step, start.lastKey()) : null;
            while (true) {
                Batch batch = runBatch(plan, step, i, cutoff, range, runId, last, hook);
                if (batch == null) {
                    break;
                }
                batches++;
                removed.merge(step.name(), batch.removed, Long::sum);
                skipped += batch.expired - batch.removed;
                last = batch.upper;
                if (!hook.proceed(batch.toHook(step, i))) {
                    return new PurgeResult(runId, plan.policy(), cutoff, removed, skipped, batches, false);
                }
            }
        }
        return new PurgeResult(runId, plan.policy(), cutoff, removed, skipped, batches, true);
    }

    /** {@code upper}: the batch's last key, bound as is; {@code upperText}: its stored text form. */
    private record Batch(Object upper, String upperText, long expired, long removed) {
        BatchHook.Batch toHook(PlanStep step, int index) {
            return new BatchHook.Batch(step.name(), new PurgeCursor(index, upperText), expired, removed);
        }
    }

    private Batch runBatch(PurgePlan plan, PlanStep step, int index, Instant cutoff, KeyRange range, long runId,
            Object after, BatchHook hook) {
        return jdbc.inTransaction(c -> {
            hook.begin(c);
            dialect.deferCommitFlush(c); // rows, run record and job cursor commit together
            PurgePredicates p = new PurgePredicates(dialect, plan, cutoff, range);
            String key = p.q(step.key().name());
            // The window's last key and size. MAX(k) where the key type has it (one pass over the
            // window); window functions for UUID and binary keys, which have no MAX on PostgreSQL.
            // (MariaDB 10.11 answers "ORDER BY k DESC LIMIT 1" over a window function with the
            // first row, hence ROW_NUMBER.)
            KeyCodec codec = step.keyCodec();
            // a child whose parent scope can be bounded: the window also gives the slice of parent
            // keys its rows reference
            String parentColumn = codec.hasMax() ? p.boundableParentColumn(step) : null;
            String slice = parentColumn == null ? "" : ", MIN(w.f), MAX(w.f)";
            String sliced = parentColumn == null ? "" : ", a." + p.q(parentColumn) + " AS f";
            Sql window = Sql.empty().append(codec.hasMax()
                    ? "SELECT MAX(w.k), COUNT(*)" + slice + " FROM (SELECT a." + key + " AS k" + sliced + " FROM "
                            + p.q(step.name()) + " a WHERE "
                    : "SELECT x.k, x.n FROM (SELECT w.k, COUNT(*) OVER () AS n, ROW_NUMBER() OVER (ORDER BY w.k DESC)"
                            + " AS r FROM (SELECT a." + key + " AS k FROM " + p.q(step.name()) + " a WHERE ");
            if (after != null) {
                window = window.append("a." + key + " > ? AND ", after);
            }
            window = window.append(p.expired(step, "a")).append(" ORDER BY a." + key + " LIMIT "
                    + plan.policy().batchSize() + ") w" + (codec.hasMax() ? "" : ") x WHERE x.r = 1"));
            Optional<Object[]> found = jdbc.queryOne(c, window.text(), rs -> new Object[] {codec.value(rs, 1),
                    rs.getLong(2), parentColumn == null ? null : rs.getObject(3), parentColumn == null ? null
                            : rs.getObject(4)}, window.args());
            if (found.isEmpty() || (Long) found.get()[1] == 0) {
                return null;
            }
            long windowed = (Long) found.get()[1];
            Object upper = found.get()[0];
            String table = p.q(step.name());
            Sql bounds = Sql.empty();
            if (after != null) {
                bounds = bounds.append(table + "." + key + " > ? AND ", after);
            }
            bounds = bounds.append(table + "." + key + " <= ? AND ", upper);
            Sql where = bounds.append(sliceOrProbes(p, step, table, found.get()[2], found.get()[3],
                    plan.policy().batchSize()))
                    .append(p.unreferenced(step, table, statements.selfReferenceInDelete(), after, upper));
            long removed;
            if (plan.policy().action() == PurgeAction.ARCHIVE) {
                List<ColumnInfo> columns = step.table().columns();
                String names = columns.stream().map(col -> p.q(col.name())).collect(Collectors.joining(", "));
                String qualified = columns.stream().map(col -> table + "." + p.q(col.name()))
                        .collect(Collectors.joining(", "));
                Sql values = Sql.empty().append("?", clock.instant()).append(", ?", runId);
                removed = statements.moveToArchive(jdbc, c, table, dialect.quote(Identifier.of(step.archiveTable())),
                        names, qualified, table + "." + key, where, values);
            } else {
                Sql delete = Sql.empty().append("DELETE FROM " + table + " WHERE ").append(where);
                removed = jdbc.update(c, delete.text(), delete.args());
            }
            // every windowed row removed: all were candidates, none skipped; otherwise count the
            // candidates left in the range (skipped), the rest of the window being out of scope
            long skipped = removed >= windowed ? 0
                    : count(c, Sql.empty().append("SELECT COUNT(*) FROM " + table + " WHERE ").append(bounds)
                            .append(p.candidate(step, table)));
            Batch batch = new Batch(upper, codec.text(upper), removed + skipped, removed);
            hook.record(c, batch.toHook(step, index));
            return batch;
        });
    }

    /**
     * The candidate condition of a batch: its parent scope as a join of key slices when the
     * batch's rows reference a narrow slice of parent keys (at most {@value #SLICE_FACTOR} times the
     * batch size wide: children written after their parents, the common case), else probes per row.
     */
    private static Sql sliceOrProbes(PurgePredicates p, PlanStep step, String table, Object lowest, Object highest,
            int batchSize) {
        if (lowest instanceof Number lo && highest instanceof Number hi
                && hi.longValue() - lo.longValue() < (long) SLICE_FACTOR * batchSize) {
            return p.candidateWithinParentKeys(step, table, lo.longValue(), hi.longValue());
        }
        return p.candidate(step, table);
    }

    private long count(Connection c, Sql sql) throws SQLException {
        return jdbc.queryLong(c, sql.text(), sql.args());
    }

    private static Object keyValue(PlanStep step, String text) {
        if (text == null) {
            return null;
        }
        return step.keyCodec().parse(text);
    }
}
