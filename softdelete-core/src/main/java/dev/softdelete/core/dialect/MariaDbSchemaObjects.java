package dev.softdelete.core.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MariaDB/MySQL: objects from {@code information_schema} of {@code DATABASE()}; views, triggers
 * and generated columns found by the names their stored text mentions (conservatively: a false
 * hit blocks, a miss would break something). Constraints cannot be renamed, and enum types and
 * sequences are not objects of their own here.
 */
final class MariaDbSchemaObjects extends AbstractSchemaObjects {

    MariaDbSchemaObjects(Dialect dialect) {
        super(dialect);
    }

    @Override
    public String unsupported(SchemaObjectType type) {
        return switch (type) {
            case CONSTRAINT -> dialect.kind() + " has no RENAME CONSTRAINT, so a constraint cannot be deprecated by"
                    + " renaming. Deprecate the index behind a UNIQUE constraint instead (type INDEX), or drop and"
                    + " re-create a CHECK or FOREIGN KEY constraint under a new name in a migration of your own.";
            case ENUM_TYPE -> dialect.kind() + " has no enum types of their own (ENUM is a column type): deprecate"
                    + " the column instead.";
            case SEQUENCE -> "Sequences can be deprecated on PostgreSQL only; on " + dialect.kind()
                    + " deprecate the column or table that uses it.";
            default -> null;
        };
    }

    @Override
    public Optional<String> find(Connection c, SchemaObjectType type, String table, String name) throws SQLException {
        return resolve(name, exact -> switch (type) {
            case TABLE -> first(c, "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                    + " AND table_type = 'BASE TABLE' AND BINARY table_name = ?", exact);
            case COLUMN -> first(c, "SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE()"
                    + " AND table_name = ? AND column_name = ?", table, exact);
            case INDEX -> first(c, "SELECT DISTINCT index_name FROM information_schema.statistics WHERE table_schema ="
                    + " DATABASE() AND table_name = ? AND index_name = ?", table, exact);
            default -> Optional.empty();
        });
    }

    @Override
    public boolean nameTaken(Connection c, SchemaObjectType type, String table, String name) throws SQLException {
        return switch (type) {
            case TABLE -> !query(c, "SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE()"
                    + " AND LOWER(table_name) = LOWER(?)", rs -> 1, name).isEmpty();
            case COLUMN -> !query(c, "SELECT 1 FROM information_schema.columns WHERE table_schema = DATABASE()"
                    + " AND table_name = ? AND LOWER(column_name) = LOWER(?)", rs -> 1, table, name).isEmpty();
            case INDEX -> !query(c, "SELECT 1 FROM information_schema.statistics WHERE table_schema = DATABASE()"
                    + " AND table_name = ? AND LOWER(index_name) = LOWER(?)", rs -> 1, table, name).isEmpty();
            default -> false;
        };
    }

    @Override
    public List<SchemaDependency> dependencies(Connection c, SchemaObjectType type, String table, String name)
            throws SQLException {
        List<SchemaDependency> out = new ArrayList<>();
        String owner = type == SchemaObjectType.TABLE ? name : table;
        if (type == SchemaObjectType.TABLE || type == SchemaObjectType.COLUMN) {
            for (Object[] view : query(c, "SELECT table_name, view_definition FROM information_schema.views"
                    + " WHERE table_schema = DATABASE() ORDER BY table_name",
                    rs -> new Object[] {rs.getString(1), rs.getString(2)})) {
                String text = (String) view[1];
                if (mentions(text, owner) && (type == SchemaObjectType.TABLE || mentions(text, name))) {
                    out.add(dep("VIEW", (String) view[0], "view whose definition names it: it would break", true));
                }
            }
            for (Object[] trigger : query(c, "SELECT trigger_name, event_object_table, action_statement"
                    + " FROM information_schema.triggers WHERE trigger_schema = DATABASE() ORDER BY trigger_name",
                    rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3)})) {
                boolean onTable = owner.equalsIgnoreCase((String) trigger[1]);
                String body = (String) trigger[2];
                boolean uses = type == SchemaObjectType.TABLE ? onTable || mentions(body, name)
                        : onTable && mentions(body, name);
                if (uses) {
                    out.add(dep("TRIGGER", (String) trigger[0], "trigger on " + trigger[1] + " that uses it", true));
                }
            }
        }
        if (type == SchemaObjectType.TABLE) {
            for (Object[] con : query(c, "SELECT constraint_name, constraint_type FROM information_schema.table_constraints"
                    + " WHERE constraint_schema = DATABASE() AND table_name = ? AND constraint_type <> 'FOREIGN KEY'"
                    + " ORDER BY constraint_name", rs -> new Object[] {rs.getString(1), rs.getString(2)}, name)) {
                out.add(dep("CONSTRAINT", (String) con[0], ((String) con[1]).toLowerCase(java.util.Locale.ROOT)
                        + " constraint (moves with it)", false));
            }
        }
        if (type == SchemaObjectType.COLUMN) {
            for (Object[] col : query(c, "SELECT column_name, generation_expression, column_default"
                    + " FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ?"
                    + " AND column_name <> ? ORDER BY ordinal_position",
                    rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3)}, table, name)) {
                if (mentions((String) col[1], name)) {
                    out.add(dep("GENERATED_COLUMN", (String) col[0], "generated column computed from it", true));
                } else if (col[1] == null && mentions((String) col[2], name)) {
                    out.add(dep("DEFAULT", (String) col[0], "default computed from it", true));
                }
            }
            for (Object[] check : query(c, "SELECT constraint_name, check_clause FROM information_schema.check_constraints"
                    + " WHERE constraint_schema = DATABASE() AND table_name = ? ORDER BY constraint_name",
                    rs -> new Object[] {rs.getString(1), rs.getString(2)}, table)) {
                if (mentions((String) check[1], name)) {
                    out.add(dep("CONSTRAINT", (String) check[0], "check constraint on it (moves with it)", false));
                }
            }
        }
        if (type == SchemaObjectType.INDEX && "PRIMARY".equalsIgnoreCase(name)) {
            out.add(dep("PRIMARY_KEY", name, "the primary key's index cannot be renamed", true));
        }
        return out;
    }

    @Override
    public String definition(Connection c, SchemaObjectType type, String table, String name) throws SQLException {
        return switch (type) {
            case TABLE -> query(c, "SHOW CREATE TABLE " + q(name), rs -> rs.getString(2)).get(0);
            case COLUMN -> "ALTER TABLE " + q(table) + " ADD COLUMN " + q(name) + " " + query(c, "SELECT CONCAT("
                    + "column_type, CASE WHEN generation_expression IS NOT NULL THEN CONCAT(' AS (', generation_expression,"
                    + " ')') ELSE '' END, CASE WHEN is_nullable = 'NO' THEN ' NOT NULL' ELSE '' END, CASE WHEN"
                    + " column_default IS NOT NULL AND generation_expression IS NULL THEN CONCAT(' DEFAULT ', column_default)"
                    + " ELSE '' END) FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ?"
                    + " AND column_name = ?", rs -> rs.getString(1), table, name).get(0);
            case INDEX -> {
                List<String[]> cols = query(c, "SELECT column_name, non_unique, sub_part FROM information_schema.statistics"
                        + " WHERE table_schema = DATABASE() AND table_name = ? AND index_name = ? ORDER BY seq_in_index",
                        rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, table, name);
                List<String> parts = new ArrayList<>();
                for (String[] col : cols) {
                    parts.add(q(col[0]) + (col[2] == null ? "" : "(" + Long.parseLong(col[2]) + ")"));
                }
                boolean unique = !cols.isEmpty() && "0".equals(cols.get(0)[1]);
                yield "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + q(name) + " ON " + q(table) + " ("
                        + String.join(", ", parts) + ")";
            }
            default -> "";
        };
    }
}
