package dev.softdelete.core.migration;

import dev.softdelete.core.dialect.Identifier;
import dev.softdelete.core.internal.Document;
import dev.softdelete.core.internal.Json;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The definition of one field migration: which table, which old and new column, and the
 * {@link Transform} between them. Immutable; start from {@link #rename}, {@link #copy} or
 * {@link #lookup} and change options with the {@code withX} methods.
 *
 * <pre>{@code
 * FieldMigration m = FieldMigration.rename("users", "full_name", "display_name");
 * FieldMigration d = FieldMigration.lookup("projects", "owner_id", "owner_name", "users", "id", "name")
 *         .withNewColumnType("VARCHAR(200)");
 * }</pre>
 *
 * @param name            unique name of the migration (default {@code table.old->new})
 * @param table           the table (must have a single-column integer primary key)
 * @param oldColumn       the authoritative column (for a lookup: the foreign key)
 * @param newColumn       the column added and filled
 * @param newColumnType   SQL type of the new column, or {@code null} for the old column's type
 *                        (copy) / required for a lookup
 * @param transform       how the new value follows from the row
 * @param index           whether to index the new column (online where the database can)
 * @param ddlLockTimeout  how long each DDL statement may wait for the table's lock (default 2 s)
 * @param ddlAttempts     how often a DDL step is tried when the lock wait runs out (default 5)
 */
public record FieldMigration(String name, String table, String oldColumn, String newColumn, String newColumnType,
        Transform transform, boolean index, Duration ddlLockTimeout, int ddlAttempts) {

    private static final Pattern SQL_TYPE = Pattern.compile(
            "[A-Za-z][A-Za-z0-9_ ]*(\\(\\s*\\d+\\s*(,\\s*\\d+\\s*)?\\))?[A-Za-z0-9_ ]*");
    private static final Set<String> FORBIDDEN_TYPE_WORDS = Set.of("not", "null", "default", "generated", "as",
            "check", "references", "primary", "unique", "constraint", "auto_increment", "identity", "key", "on",
            "first", "after", "stored", "virtual", "always");

    static final String KIND = "field-migration";

    /** Validates every name and the type. */
    public FieldMigration {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > 200) {
            throw new FieldMigrationException("Migration name '" + name + "' must be 1 to 200 characters.");
        }
        Identifier.of(table);
        Identifier.of(oldColumn);
        Identifier.of(newColumn);
        Objects.requireNonNull(transform, "transform");
        if (oldColumn.equalsIgnoreCase(newColumn)) {
            throw new FieldMigrationException("Migration '" + name + "': the new column must differ from the old one ("
                    + oldColumn + ").");
        }
        if (newColumnType != null) {
            requireSafeType(newColumnType);
        }
        if (ddlLockTimeout == null || ddlLockTimeout.isNegative() || ddlLockTimeout.isZero()) {
            throw new FieldMigrationException("ddlLockTimeout must be positive, got " + ddlLockTimeout);
        }
        if (ddlAttempts < 1) {
            throw new FieldMigrationException("ddlAttempts must be at least 1, got " + ddlAttempts);
        }
    }

    /** Renames {@code oldColumn} to {@code newColumn} (a copy; the old column is left for deprecation). */
    public static FieldMigration rename(String table, String oldColumn, String newColumn) {
        return copy(table, oldColumn, newColumn);
    }

    /** Copies {@code oldColumn} into the new column {@code newColumn}. */
    public static FieldMigration copy(String table, String oldColumn, String newColumn) {
        return new FieldMigration(table + "." + oldColumn + "->" + newColumn, table, oldColumn, newColumn, null,
                new Transform.Copy(), false, Duration.ofSeconds(2), 5);
    }

    /**
     * Fills {@code newColumn} of {@code table} with {@code valueColumn} of the row of
     * {@code referencedTable} whose {@code keyColumn} equals {@code foreignKeyColumn}. Needs
     * {@link #withNewColumnType}.
     */
    public static FieldMigration lookup(String table, String foreignKeyColumn, String newColumn,
            String referencedTable, String keyColumn, String valueColumn) {
        return new FieldMigration(table + "." + foreignKeyColumn + "->" + newColumn, table, foreignKeyColumn,
                newColumn, null, new Transform.Lookup(referencedTable, keyColumn, valueColumn), false,
                Duration.ofSeconds(2), 5);
    }

    /**
     * Fills {@code newColumn} with the SQL expression {@code sql} over the row (validated by the
     * predicate allowlist when expanded), replacing {@code oldColumn} (the column handed over for
     * deprecation at the end, and the one read while the new column is still empty). Needs
     * {@link #withNewColumnType}.
     */
    public static FieldMigration expression(String table, String oldColumn, String newColumn, String sql) {
        return new FieldMigration(table + "." + oldColumn + "->" + newColumn, table, oldColumn, newColumn, null,
                new Transform.Expression(sql), false, Duration.ofSeconds(2), 5);
    }

    /** Another name (unique among migrations). */
    public FieldMigration withName(String name) {
        return new FieldMigration(name, table, oldColumn, newColumn, newColumnType, transform, index, ddlLockTimeout,
                ddlAttempts);
    }

    /**
     * The new column's SQL type, e.g. {@code VARCHAR(200)}: a type name with an optional length or
     * precision, never a default, constraint or generated clause (the column is added nullable,
     * without a default, so that no database rewrites the table).
     */
    public FieldMigration withNewColumnType(String newColumnType) {
        return new FieldMigration(name, table, oldColumn, newColumn, newColumnType, transform, index, ddlLockTimeout,
                ddlAttempts);
    }

    /** Whether to index the new column ({@code CREATE INDEX CONCURRENTLY} on PostgreSQL). */
    public FieldMigration withIndex(boolean index) {
        return new FieldMigration(name, table, oldColumn, newColumn, newColumnType, transform, index, ddlLockTimeout,
                ddlAttempts);
    }

    /** How long each DDL statement may wait for the table's lock, and how often it is tried. */
    public FieldMigration withDdlLock(Duration ddlLockTimeout, int ddlAttempts) {
        return new FieldMigration(name, table, oldColumn, newColumn, newColumnType, transform, index, ddlLockTimeout,
                ddlAttempts);
    }

    /** The migration in words. */
    public String describe() {
        return transform.describe(table, oldColumn, newColumn);
    }

    static void requireSafeType(String type) {
        if (!SQL_TYPE.matcher(type).matches()) {
            throw new FieldMigrationException("Column type '" + type + "' is not a plain SQL type such as VARCHAR(200),"
                    + " BIGINT or TIMESTAMP WITH TIME ZONE.");
        }
        for (String word : type.toLowerCase(Locale.ROOT).split("[^a-z0-9_]+")) {
            if (FORBIDDEN_TYPE_WORDS.contains(word)) {
                throw new FieldMigrationException("Column type '" + type + "' contains '" + word + "': the new column"
                        + " is added nullable and without a default or constraint, so that no database rewrites or"
                        + " locks the table for long. Give the type only.");
            }
        }
    }

    /** The definition as stored ({@code spec} of the migration and of its run). */
    String encode() {
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>(Json.obj("name", name, "table", table,
                "oldColumn", oldColumn, "newColumn", newColumn, "newColumnType", newColumnType, "index", index,
                "ddlLockTimeout", ddlLockTimeout, "ddlAttempts", ddlAttempts));
        if (transform instanceof Transform.Lookup l) {
            fields.put("transform", "LOOKUP");
            fields.put("lookupTable", l.table());
            fields.put("lookupKey", l.keyColumn());
            fields.put("lookupValue", l.valueColumn());
        } else if (transform instanceof Transform.Expression e) {
            fields.put("transform", "EXPRESSION");
            fields.put("expression", e.sql());
        } else {
            fields.put("transform", "COPY");
        }
        return Document.write(KIND, 1, fields);
    }

    static FieldMigration decode(String text) {
        Document d = Document.read(text, KIND, 1);
        String kind = d.string("transform");
        Transform transform = switch (kind) {
            case "COPY" -> new Transform.Copy();
            case "LOOKUP" -> new Transform.Lookup(d.string("lookupTable"), d.string("lookupKey"), d.string("lookupValue"));
            case "EXPRESSION" -> new Transform.Expression(d.string("expression"));
            default -> throw new dev.softdelete.core.UnsupportedDocumentException("Field migration transform '" + kind
                    + "' is unknown to this version of softdelete; upgrade this instance.", null);
        };
        return new FieldMigration(d.string("name"), d.string("table"), d.string("oldColumn"), d.string("newColumn"),
                d.optionalString("newColumnType"), transform, d.bool("index"), d.duration("ddlLockTimeout"),
                Math.toIntExact(d.number("ddlAttempts")));
    }
}
