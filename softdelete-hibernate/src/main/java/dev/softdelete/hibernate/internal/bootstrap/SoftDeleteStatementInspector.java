package dev.softdelete.hibernate.internal.bootstrap;

import dev.softdelete.core.SoftDeleteException;
import dev.softdelete.core.table.SoftDeletableTable;
import dev.softdelete.hibernate.internal.operation.Operation;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Fills in the operation's marker values in the generated soft-delete statements, and turns a
 * bulk HQL/JPQL {@code delete} on a soft-deletable table into the equivalent soft-delete UPDATE,
 * so that no Hibernate path deletes a soft-deletable row by accident. Statements marked with
 * {@link #HARD_DELETE} (the explicit hard-delete API) pass untouched.
 */
public final class SoftDeleteStatementInspector implements StatementInspector {

    /** Marks the SQL of the explicit hard-delete and purge API. */
    public static final String HARD_DELETE = "/* softdelete:hard */";

    private static final Pattern BULK_DELETE = Pattern.compile(
            "(?is)^\\s*delete\\s+(?:[A-Za-z0-9_]+\\s+)?from\\s+(?:[A-Za-z0-9_]+\\.)?([A-Za-z0-9_]+)"
                    + "(\\s+(?:as\\s+)?(?!where\\b)[A-Za-z0-9_]+)?(?:\\s+where\\s+(.*))?$");
    private static final Pattern ANY_DELETE = Pattern.compile(
            "(?is)^\\s*(?:with\\b.*)?\\bdelete\\b.*?\\bfrom\\s+(?:[A-Za-z0-9_]+\\.)?([A-Za-z0-9_]+)");

    private final SoftDeleteRuntime runtime;
    private final StatementInspector next;

    SoftDeleteStatementInspector(SoftDeleteRuntime runtime, Object next) {
        this.runtime = runtime;
        this.next = resolve(next);
    }

    @Override
    public String inspect(String sql) {
        String inspected = next == null ? sql : next.inspect(sql);
        if (inspected == null || inspected.contains(HARD_DELETE)) {
            return inspected;
        }
        if (!mayDelete(inspected)) {
            return inspected;   // the common case (queries, inserts, updates): no regex
        }
        Matcher delete = BULK_DELETE.matcher(inspected);
        if (delete.matches()) {
            return softenBulkDelete(delete, inspected);
        }
        Matcher other = ANY_DELETE.matcher(inspected);
        if (other.find() && (runtime.mappings().forTable(other.group(1)).isPresent()
                || runtime.mappings().joinedSubclassOwner(other.group(1)).isPresent())) {
            throw new SoftDeleteException("Refusing a delete statement on soft-deletable table " + other.group(1)
                    + " that softdelete cannot turn into a soft delete: " + inspected + ". Use remove() on the"
                    + " entities, a simple bulk delete, or HibernateSoftDelete.hardDelete for a real delete.");
        }
        return inspected;
    }

    /** Cheap pre-check: does the statement start with DELETE or WITH (a CTE that may delete)? */
    private static boolean mayDelete(String sql) {
        int i = 0;
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return sql.regionMatches(true, i, "delete", 0, 6) || sql.regionMatches(true, i, "with", 0, 4);
    }

    private String softenBulkDelete(Matcher delete, String sql) {
        String table = delete.group(1);
        var owner = runtime.mappings().joinedSubclassOwner(table);
        if (owner.isPresent()) {
            throw new SoftDeleteException("A bulk delete on " + owner.get() + " (joined inheritance, table " + table
                    + ") would remove subclass rows for good. Use remove() on the entities, or"
                    + " HibernateSoftDelete.softDelete(type, id).");
        }
        var mapping = runtime.mappings().forTable(table);
        if (mapping.isEmpty()) {
            return sql;
        }
        SoftDeletableTable m = mapping.get().table();
        boolean zone = runtime.markerHasZone(mapping.get());
        Operation operation = runtime.operations().newOperation();
        String alias = delete.group(2) == null ? "" : " " + delete.group(2).trim().replaceFirst("(?i)^as\\s+", "");
        StringBuilder update = new StringBuilder("update ").append(table).append(alias).append(" set ")
                .append(m.markerColumn()).append(" = ")
                .append(runtime.literals().timestamp(operation.at(), zone));
        m.deletedBy().ifPresent(by -> update.append(", ").append(by).append(" = ")
                .append(runtime.literals().string(runtime.actorFor(mapping.get(), operation.actor()))));
        String qualifier = alias.isBlank() ? "" : alias.trim() + ".";
        update.append(" where ").append(qualifier).append(m.markerColumn()).append(" is null");
        if (delete.group(3) != null) {
            update.append(" and (").append(delete.group(3)).append(")");
        }
        return update.toString();
    }

    private static StatementInspector resolve(Object configured) {
        try {
            if (configured == null) {
                return null;
            }
            if (configured instanceof StatementInspector inspector) {
                return inspector;
            }
            Class<?> type = configured instanceof Class<?> c ? c
                    : Class.forName(configured.toString(), true, Thread.currentThread().getContextClassLoader());
            return (StatementInspector) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new SoftDeleteException("Could not create the configured statement inspector " + configured
                    + " to chain after the soft-delete inspector", e);
        }
    }
}
