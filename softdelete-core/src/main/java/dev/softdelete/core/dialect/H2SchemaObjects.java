package dev.softdelete.core.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * H2: objects from {@code INFORMATION_SCHEMA} of the current schema; views and generated columns
 * found by the names their stored text mentions. H2 triggers are Java classes whose code cannot be
 * read, so every trigger on the table counts as using each of its columns. Enum types and
 * sequences are deprecated on PostgreSQL only.
 */
final class H2SchemaObjects extends AbstractSchemaObjects {

    private static final String SCHEMA = "CURRENT_SCHEMA";

    H2SchemaObjects(Dialect dialect) {
        super(dialect);
    }

    @Override
    public String unsupported(SchemaObjectType type) {
        return switch (type) {
            case ENUM_TYPE -> "H2 has no enum types of their own (ENUM is a column type): deprecate the column instead.";
            case SEQUENCE -> "Sequences can be deprecated on PostgreSQL only; on H2 deprecate the column or table"
                    + " that uses it.";
            default -> null;
        };
    }

    @Override
    public Optional<String> find(Connection c, SchemaObjectType type, String table, String name) throws SQLException {
        return resolve(name, exact -> switch (type) {
            case TABLE -> first(c, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = " + SCHEMA
                    + " AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME = ?", exact);
            case COLUMN -> first(c, "SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = " + SCHEMA
                    + " AND TABLE_NAME = ? AND COLUMN_NAME = ?", table, exact);
            case INDEX -> first(c, "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = " + SCHEMA
                    + " AND TABLE_NAME = ? AND INDEX_NAME = ?", table, exact);
            case CONSTRAINT -> first(c, "SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE"
                    + " TABLE_SCHEMA = " + SCHEMA + " AND TABLE_NAME = ? AND CONSTRAINT_NAME = ?", table, exact);
            default -> Optional.empty();
        });
    }

    @Override
    public boolean nameTaken(Connection c, SchemaObjectType type, String table, String name) throws SQLException {
        return switch (type) {
            case TABLE -> !query(c, "SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = " + SCHEMA
                    + " AND LOWER(TABLE_NAME) = LOWER(?)", rs -> 1, name).isEmpty();
            case COLUMN -> !query(c, "SELECT 1 FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = " + SCHEMA
                    + " AND TABLE_NAME = ? AND LOWER(COLUMN_NAME) = LOWER(?)", rs -> 1, table, name).isEmpty();
            case INDEX -> !query(c, "SELECT 1 FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = " + SCHEMA
                    + " AND LOWER(INDEX_NAME) = LOWER(?)", rs -> 1, name).isEmpty();
            case CONSTRAINT -> !query(c, "SELECT 1 FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = "
                    + SCHEMA + " AND LOWER(CONSTRAINT_NAME) = LOWER(?)", rs -> 1, name).isEmpty();
            default -> false;
        };
    }

    @Override
    public List<SchemaDependency> dependencies(Connection c, SchemaObjectType type, String table, String name)
            throws SQLException {
        List<SchemaDependency> out = new ArrayList<>();
        String owner = type == SchemaObjectType.TABLE ? name : table;
        if (type == SchemaObjectType.TABLE || type == SchemaObjectType.COLUMN) {
            for (Object[] view : query(c, "SELECT TABLE_NAME, VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS"
                    + " WHERE TABLE_SCHEMA = " + SCHEMA + " ORDER BY TABLE_NAME",
                    rs -> new Object[] {rs.getString(1), rs.getString(2)})) {
                String text = (String) view[1];
                if (mentions(text, owner) && (type == SchemaObjectType.TABLE || mentions(text, name))) {
                    out.add(dep("VIEW", (String) view[0], "view whose definition names it: it would break", true));
                }
            }
            for (String trigger : query(c, "SELECT TRIGGER_NAME FROM INFORMATION_SCHEMA.TRIGGERS WHERE"
                    + " EVENT_OBJECT_SCHEMA = " + SCHEMA + " AND EVENT_OBJECT_TABLE = ? ORDER BY TRIGGER_NAME",
                    rs -> rs.getString(1), owner)) {
                out.add(dep("TRIGGER", trigger, "trigger on " + owner + " (a Java class H2 cannot show: assumed to"
                        + " use it)", true));
            }
        }
        if (type == SchemaObjectType.TABLE) {
            for (Object[] con : query(c, "SELECT CONSTRAINT_NAME, CONSTRAINT_TYPE FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
                    + " WHERE TABLE_SCHEMA = " + SCHEMA + " AND TABLE_NAME = ? AND CONSTRAINT_TYPE <> 'FOREIGN KEY'"
                    + " ORDER BY CONSTRAINT_NAME", rs -> new Object[] {rs.getString(1), rs.getString(2)}, name)) {
                out.add(dep("CONSTRAINT", (String) con[0], ((String) con[1]).toLowerCase(java.util.Locale.ROOT)
                        + " constraint (moves with it)", false));
            }
        }
        if (type == SchemaObjectType.COLUMN) {
            for (Object[] con : query(c, "SELECT u.CONSTRAINT_NAME, t.CONSTRAINT_TYPE FROM"
                    + " INFORMATION_SCHEMA.CONSTRAINT_COLUMN_USAGE u JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS t"
                    + " ON t.CONSTRAINT_SCHEMA = u.CONSTRAINT_SCHEMA AND t.CONSTRAINT_NAME = u.CONSTRAINT_NAME"
                    + " WHERE u.TABLE_SCHEMA = " + SCHEMA + " AND u.TABLE_NAME = ? AND u.COLUMN_NAME = ?"
                    + " AND t.CONSTRAINT_TYPE IN ('UNIQUE', 'CHECK') ORDER BY 1",
                    rs -> new Object[] {rs.getString(1), rs.getString(2)}, table, name)) {
                out.add(dep("CONSTRAINT", (String) con[0], ((String) con[1]).toLowerCase(java.util.Locale.ROOT)
                        + " constraint on it (moves with it)", false));
            }
            for (Object[] col : query(c, "SELECT COLUMN_NAME, GENERATION_EXPRESSION, COLUMN_DEFAULT FROM"
                    + " INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = " + SCHEMA + " AND TABLE_NAME = ?"
                    + " AND COLUMN_NAME <> ? ORDER BY ORDINAL_POSITION",
                    rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3)}, table, name)) {
                if (mentions((String) col[1], name)) {
                    out.add(dep("GENERATED_COLUMN", (String) col[0], "generated column computed from it", true));
                } else if (mentions((String) col[2], name)) {
                    out.add(dep("DEFAULT", (String) col[0], "default computed from it", true));
                }
            }
        }
        if (type == SchemaObjectType.INDEX) {
            for (String constraint : query(c, "SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
                    + " WHERE TABLE_SCHEMA = " + SCHEMA + " AND INDEX_NAME = ? ORDER BY 1", rs -> rs.getString(1), name)) {
                out.add(dep("BACKS_CONSTRAINT", constraint, "the index behind constraint " + constraint
                        + ": deprecate the constraint instead", true));
            }
        }
        if (type == SchemaObjectType.CONSTRAINT) {
            for (String fk : query(c, "SELECT r.CONSTRAINT_NAME FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS r"
                    + " WHERE r.UNIQUE_CONSTRAINT_SCHEMA = " + SCHEMA + " AND r.UNIQUE_CONSTRAINT_NAME = ? ORDER BY 1",
                    rs -> rs.getString(1), name)) {
                out.add(dep("FOREIGN_KEY_IN", fk, "foreign key referencing this key", true));
            }
            for (String pk : query(c, "SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE"
                    + " TABLE_SCHEMA = " + SCHEMA + " AND CONSTRAINT_NAME = ? AND CONSTRAINT_TYPE = 'PRIMARY KEY'",
                    rs -> rs.getString(1), name)) {
                out.add(dep("PRIMARY_KEY", pk, "the table's primary key", true));
            }
        }
        return out;
    }

    @Override
    public String definition(Connection c, SchemaObjectType type, String table, String name) throws SQLException {
        return switch (type) {
            case TABLE -> String.join("\n", query(c, "SCRIPT NODATA NOPASSWORDS NOSETTINGS TABLE " + q(name),
                    rs -> rs.getString(1)).stream().filter(s -> !s.startsWith("--") && !s.startsWith("CREATE USER"))
                    .toList());
            case COLUMN -> "ALTER TABLE " + q(table) + " ADD COLUMN " + q(name) + " " + query(c, "SELECT DATA_TYPE"
                    + " || CASE WHEN CHARACTER_MAXIMUM_LENGTH IS NOT NULL THEN '(' || CHARACTER_MAXIMUM_LENGTH || ')'"
                    + " ELSE '' END || CASE WHEN GENERATION_EXPRESSION IS NOT NULL THEN ' GENERATED ALWAYS AS ('"
                    + " || GENERATION_EXPRESSION || ')' ELSE '' END || CASE WHEN COLUMN_DEFAULT IS NOT NULL THEN"
                    + " ' DEFAULT ' || COLUMN_DEFAULT ELSE '' END || CASE WHEN IS_NULLABLE = 'NO' THEN ' NOT NULL'"
                    + " ELSE '' END FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = " + SCHEMA
                    + " AND TABLE_NAME = ? AND COLUMN_NAME = ?", rs -> rs.getString(1), table, name).get(0);
            case INDEX -> {
                List<String> cols = query(c, "SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE"
                        + " TABLE_SCHEMA = " + SCHEMA + " AND INDEX_NAME = ? ORDER BY ORDINAL_POSITION",
                        rs -> rs.getString(1), name).stream().map(this::q).toList();
                boolean unique = query(c, "SELECT INDEX_TYPE_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = "
                        + SCHEMA + " AND INDEX_NAME = ?", rs -> rs.getString(1), name).stream()
                        .anyMatch(t -> t.contains("UNIQUE"));
                yield "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + q(name) + " ON " + q(table) + " ("
                        + String.join(", ", cols) + ")";
            }
            case CONSTRAINT -> String.join("\n", query(c, "SCRIPT NODATA NOPASSWORDS NOSETTINGS TABLE " + q(table),
                    rs -> rs.getString(1)).stream().filter(s -> s.contains("CONSTRAINT") && mentions(s, name)).toList());
            default -> "";
        };
    }
}
