package dev.softdelete.core.purge;

import dev.softdelete.core.catalog.ForeignKeyInfo;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a policy will touch, read from the catalog: its table and every soft-deletable table that
 * references it (transitively), in delete order, children before parents. Tables that reference
 * a planned table but have no marker are not deleted from; their rows block the rows they
 * reference ({@link #blockingTables()}).
 *
 * @param policy      the policy planned
 * @param deleteOrder the tables to delete from, children before parents; the policy's own table last
 */
public record PurgePlan(RetentionPolicy policy, List<PlanStep> deleteOrder) {

    /** Copies the list. */
    public PurgePlan {
        deleteOrder = List.copyOf(deleteOrder);
    }

    /** The policy's own table (always last in delete order). */
    public PlanStep root() {
        return deleteOrder.get(deleteOrder.size() - 1);
    }

    /** The step for a table, if it is part of the plan. */
    public java.util.Optional<PlanStep> step(String table) {
        return deleteOrder.stream().filter(s -> s.name().equalsIgnoreCase(table)).findFirst();
    }

    /** Tables that reference planned rows but are not soft-deletable: their rows are never forced. */
    public Set<String> blockingTables() {
        Set<String> blocking = new LinkedHashSet<>();
        for (PlanStep step : deleteOrder) {
            for (ForeignKeyInfo fk : step.referencedBy()) {
                if (step(fk.childTable()).isEmpty()) {
                    blocking.add(fk.childTable());
                }
            }
        }
        return blocking;
    }

    /** Table names in delete order, e.g. {@code [product_assets, product_attributes, products]}. */
    public List<String> tables() {
        return deleteOrder.stream().map(s -> s.name().toLowerCase(Locale.ROOT)).toList();
    }
}
