package dev.softdelete.core.purge;

import dev.softdelete.core.internal.Sql;
import dev.softdelete.core.catalog.ForeignKeyInfo;
import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.dialect.Identifier;
import dev.softdelete.core.jdbc.TimestampValue;
import java.time.Instant;
import java.util.List;

/**
 * The guards every purge statement carries in its own WHERE clause, so that the database, not a
 * pre-check in Java, decides which rows go:
 * <ul>
 *   <li><b>expired</b>: the row's marker is before the cutoff (NULL, i.e. active, never matches);
 *   <li><b>in scope</b>: a child row references an expiring parent of the plan (its own scope
 *       recursively) that will be purged, so a policy on {@code products} only reaches the assets of
 *       expired products, and never the expired assets of a product that stays because an active
 *       row still references it (one rule for the whole library: such a parent is skipped with all
 *       its children, so restoring it later restores them too);
 *   <li><b>unreferenced</b>: no row of any table still references it. Children are purged first,
 *       so whatever still references a row (an active child, a row of a table without marker)
 *       makes it skipped, never forced.
 * </ul>
 * {@link #purgeable} is the pretend-mode variant: nothing has been deleted yet, so a referencing
 * row only blocks if it would not be purged itself.
 */
final class PurgePredicates {

    private final Dialect dialect;
    private final PurgePlan plan;
    private final Instant cutoff;
    private final KeyRange range;
    private int aliases;

    PurgePredicates(Dialect dialect, PurgePlan plan, Instant cutoff, KeyRange range) {
        this.dialect = dialect;
        this.plan = plan;
        this.cutoff = cutoff;
        this.range = range;
    }

    /** Quotes a name exactly as the catalog stores it. */
    String q(String catalogName) {
        return dialect.quote(Identifier.quoted(catalogName));
    }

    String alias() {
        return "sd" + (++aliases);
    }

    /**
     * Expired, and for the root its key slice, without a child's parent scope: the cheap
     * superset of {@link #candidate} (no subquery) that bounds a batch's key window.
     */
    Sql expired(PlanStep step, String ref) {
        return step.isRoot() ? candidate(step, ref) : markerBefore(step, ref);
    }

    /** Expired and in scope. {@code ref} is the alias or quoted table name the columns hang off. */
    Sql candidate(PlanStep step, String ref) {
        return markerBefore(step, ref).append(scope(step, ref));
    }

    /** {@code ref.marker < cutoff}. */
    private Sql markerBefore(PlanStep step, String ref) {
        return Sql.empty().append(ref + "." + q(step.marker().name()) + " < ?",
                new TimestampValue(cutoff, step.marker().hasTimeZone()));
    }

    /** Whether {@code fk} references {@code parent}'s key column, and only it. */
    private static boolean referencesKey(ForeignKeyInfo fk, PlanStep parent) {
        return fk.childColumns().size() == 1 && fk.parentColumns().equals(List.of(parent.key().name()));
    }

    /**
     * The column of {@code step}'s only parent edge when the parent scope can be bounded by a slice
     * of parent keys: one single-column foreign key to the parent's integer key. Null otherwise.
     */
    String boundableParentColumn(PlanStep step) {
        if (step.isRoot() || step.parentEdges().size() != 1) {
            return null;
        }
        ForeignKeyInfo fk = step.parentEdges().get(0);
        PlanStep parent = plan.step(fk.parentTable()).orElseThrow();
        return referencesKey(fk, parent) && parent.numericKey() ? fk.childColumns().get(0) : null;
    }

    /**
     * {@link #candidate} for a batch whose rows reference parent keys {@code lowest..highest} only
     * (see {@link #boundableParentColumn}): the same conditions, with the parent scope written as a
     * semi-join over that slice of the parent's keys and the parent's referencing rows bounded to
     * the same slice, so the database joins two key ranges once per batch instead of probing the
     * parent and its other children per row. Exactly the rows {@link #candidate} selects among those
     * referencing that slice; a row referencing a parent outside it is not selected.
     */
    Sql candidateWithinParentKeys(PlanStep step, String ref, long lowest, long highest) {
        ForeignKeyInfo fk = step.parentEdges().get(0);
        PlanStep parent = plan.step(fk.parentTable()).orElseThrow();
        String p = alias();
        String parentKey = p + "." + q(parent.key().name());
        return expired(step, ref).append(" AND " + ref + "." + q(fk.childColumns().get(0)) + " IN (SELECT " + parentKey
                + " FROM " + q(parent.name()) + " " + p + " WHERE " + parentKey + " >= ?", lowest)
                .append(" AND " + parentKey + " <= ? AND ", highest).append(markerBefore(parent, p))
                .append(scope(parent, p)).append(notBlockedWithin(parent, p, lowest, highest)).append(")");
    }

    /** {@link #notBlockedIfPurgedTogether} at the top level, each reference to the key bounded to the slice. */
    private Sql notBlockedWithin(PlanStep step, String ref, long lowest, long highest) {
        Sql sql = Sql.empty();
        for (ForeignKeyInfo fk : step.referencedBy()) {
            long[] bounds = referencesKey(fk, step) ? new long[] {lowest, highest} : null;
            sql = sql.append(" AND NOT ").append(blockingRows(fk, ref, 0, bounds));
        }
        return sql;
    }

    /**
     * The root's key slice, or for a child: one of its parents expires and will be purged (nothing
     * that stays references it). Written as a scalar
     * subquery per parent ({@code (SELECT p.marker FROM parent p WHERE p.key = c.fk ...) < ?}, at
     * most one row since a foreign key references a unique key) so that the database probes the
     * parent's key index per row instead of joining the whole parent table into every batch.
     */
    private Sql scope(PlanStep step, String ref) {
        Sql sql = Sql.empty();
        if (step.isRoot()) {
            String key = ref + "." + q(step.key().name());
            if (range.from() != null) {
                sql = sql.append(" AND " + key + " >= ?", range.from());
            }
            if (range.to() != null) {
                sql = sql.append(" AND " + key + " <= ?", range.to());
            }
            return sql;
        }
        sql = sql.append(" AND (");
        List<ForeignKeyInfo> edges = step.parentEdges();
        for (int i = 0; i < edges.size(); i++) {
            ForeignKeyInfo fk = edges.get(i);
            PlanStep parent = plan.step(fk.parentTable()).orElseThrow();
            String p = alias();
            // The parent's marker, or NULL when the parent will stay because a row that stays references it
            // (an active child, a row of a table without marker): then its expired children stay too, so that
            // restoring the parent later restores them with it.
            sql = sql.append(i == 0 ? "" : " OR ").append("(SELECT " + p + "." + q(parent.marker().name()) + " FROM "
                    + q(parent.name()) + " " + p + " WHERE " + join(fk, ref, p)).append(scope(parent, p))
                    .append(notBlockedIfPurgedTogether(parent, p, 0))
                    .append(") < ?", new TimestampValue(cutoff, parent.marker().hasTimeZone()));
        }
        return sql.append(")");
    }

    /**
     * No row references it. {@code selfReferenceAllowed} false: the statement deletes from
     * {@code step}'s table on a database (MariaDB) that cannot read the target table in a
     * subquery there, so self-references are left to the foreign key itself (the batch fails and
     * is retried instead of skipping the row). A reference to the key itself is checked as
     * {@code NOT EXISTS} bounded by the batch's key range ({@code after}, exclusive and null for
     * the first batch, to {@code upper}): an anti-join over that slice of the referencing rows.
     * Any other is a scalar {@code (SELECT 1 ... LIMIT 1) IS NULL}, an index probe per row rather
     * than an anti-join over the whole child table.
     */
    Sql unreferenced(PlanStep step, String ref, boolean selfReferenceAllowed, Object after, Object upper) {
        Sql sql = Sql.empty();
        for (ForeignKeyInfo fk : step.referencedBy()) {
            boolean self = fk.childTable().equals(step.name());
            if (!selfReferenceAllowed && self) {
                continue;
            }
            String c = alias();
            if (!self && referencesKey(fk, step)) {
                // the reference is to the batch's key: its values lie in the batch's key range, so the
                // check becomes an anti-join over that range of the referencing index, one range scan
                // per batch instead of a probe per row
                String column = c + "." + q(fk.childColumns().get(0));
                sql = sql.append(" AND NOT EXISTS (SELECT 1 FROM " + q(fk.childTable()) + " " + c + " WHERE "
                        + join(fk, c, ref));
                if (after != null) {
                    sql = sql.append(" AND " + column + " > ?", after);
                }
                sql = sql.append(" AND " + column + " <= ?)", upper);
                continue;
            }
            sql = sql.append(" AND (SELECT 1 FROM " + q(fk.childTable()) + " " + c + " WHERE " + join(fk, c, ref)
                    + " LIMIT 1) IS NULL");
        }
        return sql;
    }

    /** Pretend mode: expired, in scope, and every referencing row would itself be purged. */
    Sql purgeable(PlanStep step, String ref) {
        return candidate(step, ref).append(notBlockedIfPurgedTogether(step, ref, 0));
    }

    /** Rows of {@code fk.childTable} that reference {@code ref} and would stay. */
    Sql blockingRows(ForeignKeyInfo fk, String ref, int depth) {
        return blockingRows(fk, ref, depth, null);
    }

    /** As above; {@code bounds} (lowest, highest), when given, bounds the referencing column too. */
    private Sql blockingRows(ForeignKeyInfo fk, String ref, int depth, long[] bounds) {
        String c = alias();
        Sql sql = Sql.empty().append("EXISTS (SELECT 1 FROM " + q(fk.childTable()) + " " + c + " WHERE "
                + join(fk, c, ref));
        if (bounds != null) {
            String column = c + "." + q(fk.childColumns().get(0));
            sql = sql.append(" AND " + column + " >= ?", bounds[0]).append(" AND " + column + " <= ?", bounds[1]);
        }
        var child = plan.step(fk.childTable());
        if (child.isPresent() && !fk.childTable().equals(fk.parentTable()) && depth < 16) {
            PlanStep cs = child.get();
            String marker = c + "." + q(cs.marker().name());
            sql = sql.append(" AND NOT (" + marker + " IS NOT NULL AND " + marker + " < ?",
                    new TimestampValue(cutoff, cs.marker().hasTimeZone()));
            sql = sql.append(notBlockedIfPurgedTogether(cs, c, depth + 1)).append(")");
        }
        return sql.append(")");
    }

    private Sql notBlockedIfPurgedTogether(PlanStep step, String ref, int depth) {
        Sql sql = Sql.empty();
        for (ForeignKeyInfo fk : step.referencedBy()) {
            sql = sql.append(" AND NOT ").append(blockingRows(fk, ref, depth));
        }
        return sql;
    }

    /** {@code child.fk1 = parent.pk1 AND ...}. */
    private String join(ForeignKeyInfo fk, String childRef, String parentRef) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fk.childColumns().size(); i++) {
            b.append(i == 0 ? "" : " AND ").append(childRef).append('.').append(q(fk.childColumns().get(i)))
                    .append(" = ").append(parentRef).append('.').append(q(fk.parentColumns().get(i)));
        }
        return b.toString();
    }
}
