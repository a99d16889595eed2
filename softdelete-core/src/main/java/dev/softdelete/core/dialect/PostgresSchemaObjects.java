package dev.softdelete.core.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL: objects and their dependencies from {@code pg_class}, {@code pg_constraint},
 * {@code pg_depend} (views through their rewrite rules, generated columns and defaults through
 * {@code pg_attrdef}, owned and identity sequences), {@code pg_trigger} with the trigger
 * function's source; statistics from {@code pg_stat_user_tables} / {@code pg_stat_user_indexes}.
 * Everything in {@code current_schema()}.
 */
final class PostgresSchemaObjects extends AbstractSchemaObjects {

    private static final String IN_SCHEMA = " relnamespace = current_schema()::regnamespace ";

    PostgresSchemaObjects(Dialect dialect) {
        super(dialect);
    }

    private Optional<Long> relation(Connection c, String name, String kinds) throws SQLException {
        return query(c, "SELECT oid FROM pg_class WHERE" + IN_SCHEMA + "AND relname = ? AND relkind IN (" + kinds
                + ")", rs -> rs.getLong(1), name).stream().findFirst();
    }

    private long table(Connection c, String table) throws SQLException {
        return relation(c, table, "'r', 'p'").orElseThrow(() -> new SQLException("No table " + table));
    }

    private int attnum(Connection c, long table, String column) throws SQLException {
        return query(c, "SELECT attnum FROM pg_attribute WHERE attrelid = ? AND attname = ? AND attnum > 0"
                + " AND NOT attisdropped", rs -> rs.getInt(1), table, column).stream().findFirst()
                .orElseThrow(() -> new SQLException("No column " + column));
    }

    private Optional<Long> enumType(Connection c, String name) throws SQLException {
        return query(c, "SELECT oid FROM pg_type WHERE typnamespace = current_schema()::regnamespace AND typname = ?"
                + " AND typtype = 'e'", rs -> rs.getLong(1), name).stream().findFirst();
    }

    @Override
    public Optional<String> find(Connection c, SchemaObjectType type, String table, String name) throws SQLException {
        return resolve(name, exact -> switch (type) {
            case TABLE -> relation(c, exact, "'r', 'p'").map(oid -> exact);
            case COLUMN -> first(c, "SELECT attname FROM pg_attribute WHERE attrelid = ? AND attname = ?"
                    + " AND attnum > 0 AND NOT attisdropped", table(c, table), exact);
            case INDEX -> first(c, "SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
                    + " WHERE x.indrelid = ? AND i.relname = ?", table(c, table), exact);
            case CONSTRAINT -> first(c, "SELECT conname FROM pg_constraint WHERE conrelid = ? AND conname = ?",
                    table(c, table), exact);
            case ENUM_TYPE -> enumType(c, exact).map(oid -> exact);
            case SEQUENCE -> relation(c, exact, "'S'").map(oid -> exact);
        });
    }

    @Override
    public boolean nameTaken(Connection c, SchemaObjectType type, String table, String name) throws SQLException {
        return switch (type) {
            case TABLE, INDEX, SEQUENCE -> !query(c, "SELECT 1 FROM pg_class WHERE" + IN_SCHEMA
                    + "AND lower(relname) = lower(?)", rs -> 1, name).isEmpty()
                    || type == SchemaObjectType.TABLE && typeTaken(c, name);
            case COLUMN -> !query(c, "SELECT 1 FROM pg_attribute WHERE attrelid = ? AND lower(attname) = lower(?)"
                    + " AND NOT attisdropped", rs -> 1, table(c, table), name).isEmpty();
            case CONSTRAINT -> !query(c, "SELECT 1 FROM pg_constraint WHERE conrelid = ? AND lower(conname) = lower(?)",
                    rs -> 1, table(c, table), name).isEmpty()
                    || !query(c, "SELECT 1 FROM pg_class WHERE" + IN_SCHEMA + "AND lower(relname) = lower(?)",
                            rs -> 1, name).isEmpty();
            case ENUM_TYPE -> typeTaken(c, name) || !query(c, "SELECT 1 FROM pg_class WHERE" + IN_SCHEMA
                    + "AND lower(relname) = lower(?)", rs -> 1, name).isEmpty();
        };
    }

    private boolean typeTaken(Connection c, String name) throws SQLException {
        return !query(c, "SELECT 1 FROM pg_type WHERE typnamespace = current_schema()::regnamespace"
                + " AND lower(typname) = lower(?)", rs -> 1, name).isEmpty();
    }

    @Override
    public List<SchemaDependency> dependencies(Connection c, SchemaObjectType type, String table, String name)
            throws SQLException {
        List<SchemaDependency> out = new ArrayList<>();
        switch (type) {
            case TABLE -> {
                long t = table(c, name);
                views(c, t, null, out);
                for (String trigger : query(c, "SELECT tgname FROM pg_trigger WHERE tgrelid = ? AND NOT tgisinternal"
                        + " ORDER BY tgname", rs -> rs.getString(1), t)) {
                    out.add(dep("TRIGGER", trigger, "trigger on the table: it still fires on every write", true));
                }
                ownedSequences(c, t, 0, out);
                generatedOrDefaults(c, t, 0, out);
                constraints(c, t, 0, out);
            }
            case COLUMN -> {
                long t = table(c, table);
                int n = attnum(c, t, name);
                views(c, t, n, out);
                generatedOrDefaults(c, t, n, out);
                for (Object[] trigger : query(c, "SELECT g.tgname, p.prosrc, ? = ANY (g.tgattr::int2[])"
                        + " FROM pg_trigger g JOIN pg_proc p ON p.oid = g.tgfoid WHERE g.tgrelid = ? AND NOT g.tgisinternal"
                        + " ORDER BY g.tgname", rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getBoolean(3)},
                        n, t)) {
                    if ((Boolean) trigger[2] || mentions((String) trigger[1], name)) {
                        out.add(dep("TRIGGER", (String) trigger[0], "trigger on " + table + " whose function uses "
                                + name, true));
                    }
                }
                ownedSequences(c, t, n, out);
                constraints(c, t, n, out);
            }
            case INDEX -> {
                long t = table(c, table);
                for (Object[] con : query(c, "SELECT conname, contype FROM pg_constraint WHERE conindid ="
                        + " (SELECT i.oid FROM pg_class i JOIN pg_index x ON x.indexrelid = i.oid WHERE x.indrelid = ?"
                        + " AND i.relname = ?) ORDER BY conname", rs -> new Object[] {rs.getString(1), rs.getString(2)},
                        t, name)) {
                    boolean foreign = "f".equals(con[1]);
                    out.add(dep(foreign ? "FOREIGN_KEY_IN" : "BACKS_CONSTRAINT", (String) con[0], foreign
                            ? "foreign key that relies on this index" : "the index behind constraint " + con[0]
                                    + ": deprecate the constraint instead", true));
                }
            }
            case CONSTRAINT -> {
                long t = table(c, table);
                for (String fk : query(c, "SELECT f.conname FROM pg_constraint k JOIN pg_constraint f ON f.contype = 'f'"
                        + " AND f.conindid = k.conindid AND f.confrelid = k.conrelid WHERE k.conrelid = ? AND k.conname = ?"
                        + " AND k.contype IN ('p', 'u') ORDER BY f.conname", rs -> rs.getString(1), t, name)) {
                    out.add(dep("FOREIGN_KEY_IN", fk, "foreign key referencing this key", true));
                }
                for (String pk : query(c, "SELECT conname FROM pg_constraint WHERE conrelid = ? AND conname = ?"
                        + " AND contype = 'p'", rs -> rs.getString(1), t, name)) {
                    out.add(dep("PRIMARY_KEY", pk, "the table's primary key", true));
                }
            }
            case ENUM_TYPE -> {
                long e = enumType(c, name).orElseThrow(() -> new SQLException("No enum type " + name));
                for (String column : query(c, "SELECT c.relname || '.' || a.attname FROM pg_attribute a"
                        + " JOIN pg_class c ON c.oid = a.attrelid WHERE NOT a.attisdropped AND a.attnum > 0"
                        + " AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND (a.atttypid = ? OR a.atttypid ="
                        + " (SELECT typarray FROM pg_type WHERE oid = ?)) ORDER BY 1", rs -> rs.getString(1), e, e)) {
                    out.add(dep("COLUMN_OF_TYPE", column, "column of this type", true));
                }
                for (String function : query(c, "SELECT DISTINCT p.proname FROM pg_depend d JOIN pg_proc p ON p.oid = d.objid"
                        + " WHERE d.classid = 'pg_proc'::regclass AND d.refobjid = ? ORDER BY 1", rs -> rs.getString(1), e)) {
                    out.add(dep("FUNCTION", function, "function using this type", true));
                }
            }
            case SEQUENCE -> {
                long s = relation(c, name, "'S'").orElseThrow(() -> new SQLException("No sequence " + name));
                for (String column : query(c, "SELECT DISTINCT t.relname || '.' || a.attname FROM pg_depend d"
                        + " JOIN pg_attrdef ad ON ad.oid = d.objid JOIN pg_class t ON t.oid = ad.adrelid"
                        + " JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum"
                        + " WHERE d.classid = 'pg_attrdef'::regclass AND d.refobjid = ? ORDER BY 1", rs -> rs.getString(1), s)) {
                    out.add(dep("DEFAULT", column, "column default that draws from this sequence", true));
                }
                for (Object[] owner : query(c, "SELECT t.relname || '.' || a.attname, d.deptype FROM pg_depend d"
                        + " JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = d.refobjid"
                        + " AND a.attnum = d.refobjsubid WHERE d.classid = 'pg_class'::regclass AND d.objid = ?"
                        + " AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')",
                        rs -> new Object[] {rs.getString(1), rs.getString(2)}, s)) {
                    boolean identity = "i".equals(owner[1]);
                    out.add(dep(identity ? "IDENTITY" : "OWNED_BY", (String) owner[0], identity
                            ? "identity column this sequence numbers" : "column that owns this sequence", identity));
                }
            }
        }
        return out;
    }

    /** Views (and materialized views) whose rewrite rule depends on the table or on column {@code attnum}. */
    private static void views(Connection c, long table, Integer attnum, List<SchemaDependency> out) throws SQLException {
        String sql = "SELECT DISTINCT v.relname FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid"
                + " JOIN pg_class v ON v.oid = r.ev_class WHERE d.classid = 'pg_rewrite'::regclass"
                + " AND d.refclassid = 'pg_class'::regclass AND d.refobjid = ? AND r.ev_class <> ?"
                + (attnum == null ? "" : " AND d.refobjsubid = ?") + " ORDER BY 1";
        List<String> views = attnum == null ? query(c, sql, rs -> rs.getString(1), table, table)
                : query(c, sql, rs -> rs.getString(1), table, table, attnum);
        for (String view : views) {
            out.add(dep("VIEW", view, "view reading it (pg_depend): it keeps using the renamed object", true));
        }
    }

    /** Generated columns and defaults of other columns computed from column {@code attnum} (0: any). */
    private static void generatedOrDefaults(Connection c, long table, int attnum, List<SchemaDependency> out)
            throws SQLException {
        if (attnum == 0) {
            return; // a table's own generated columns move with it
        }
        for (Object[] col : query(c, "SELECT DISTINCT a.attname, a.attgenerated FROM pg_depend d"
                + " JOIN pg_attrdef ad ON ad.oid = d.objid JOIN pg_attribute a ON a.attrelid = ad.adrelid"
                + " AND a.attnum = ad.adnum WHERE d.classid = 'pg_attrdef'::regclass AND d.refobjid = ?"
                + " AND d.refobjsubid = ? AND ad.adnum <> ? ORDER BY 1",
                rs -> new Object[] {rs.getString(1), rs.getString(2)}, table, attnum, attnum)) {
            boolean generated = "s".equals(col[1]);
            out.add(dep(generated ? "GENERATED_COLUMN" : "DEFAULT", (String) col[0], (generated
                    ? "generated column computed from it" : "default computed from it"), true));
        }
    }

    /** Primary-key, unique, check and exclusion constraints of the table, or those on column {@code attnum} (0: all). */
    private static void constraints(Connection c, long table, int attnum, List<SchemaDependency> out)
            throws SQLException {
        for (Object[] con : query(c, "SELECT conname, contype FROM pg_constraint WHERE conrelid = ? AND contype IN"
                + " ('p', 'u', 'c', 'x')" + (attnum == 0 ? "" : " AND contype <> 'p' AND " + attnum + " = ANY (conkey)")
                + " ORDER BY conname", rs -> new Object[] {rs.getString(1), rs.getString(2)}, table)) {
            out.add(dep("CONSTRAINT", (String) con[0], switch ((String) con[1]) {
                case "p" -> "primary key";
                case "u" -> "unique constraint";
                case "c" -> "check constraint";
                default -> "exclusion constraint";
            } + " (moves with it)", false));
        }
    }

    private static void ownedSequences(Connection c, long table, int attnum, List<SchemaDependency> out)
            throws SQLException {
        for (Object[] seq : query(c, "SELECT s.relname, d.deptype FROM pg_depend d JOIN pg_class s ON s.oid = d.objid"
                + " WHERE d.classid = 'pg_class'::regclass AND s.relkind = 'S' AND d.refobjid = ?"
                + (attnum == 0 ? "" : " AND d.refobjsubid = " + attnum) + " AND d.deptype IN ('a', 'i') ORDER BY 1",
                rs -> new Object[] {rs.getString(1), rs.getString(2)}, table)) {
            out.add(dep("OWNED_SEQUENCE", (String) seq[0], "i".equals(seq[1]) ? "identity sequence"
                    : "sequence owned by it (moves with it)", false));
        }
    }

    @Override
    public String definition(Connection c, SchemaObjectType type, String table, String name) throws SQLException {
        return switch (type) {
            case TABLE -> tableDefinition(c, name);
            case COLUMN -> {
                long t = table(c, table);
                String column = query(c, "SELECT quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)"
                        + " || CASE WHEN a.attgenerated = 's' THEN ' GENERATED ALWAYS AS (' || pg_get_expr(ad.adbin, ad.adrelid)"
                        + " || ') STORED' WHEN ad.adbin IS NOT NULL THEN ' DEFAULT ' || pg_get_expr(ad.adbin, ad.adrelid)"
                        + " ELSE '' END || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END FROM pg_attribute a"
                        + " LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum"
                        + " WHERE a.attrelid = ? AND a.attname = ?", rs -> rs.getString(1), t, name).get(0);
                yield "ALTER TABLE " + q(table) + " ADD COLUMN " + column;
            }
            case INDEX -> first(c, "SELECT pg_get_indexdef(i.oid) FROM pg_class i JOIN pg_index x ON x.indexrelid = i.oid"
                    + " WHERE x.indrelid = ? AND i.relname = ?", table(c, table), name).orElse("");
            case CONSTRAINT -> "ALTER TABLE " + q(table) + " ADD CONSTRAINT " + q(name) + " " + first(c,
                    "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = ? AND conname = ?",
                    table(c, table), name).orElse("");
            case ENUM_TYPE -> "CREATE TYPE " + q(name) + " AS ENUM (" + first(c, "SELECT string_agg(quote_literal(e.enumlabel),"
                    + " ', ' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = ?",
                    enumType(c, name).orElseThrow()).orElse("") + ")";
            case SEQUENCE -> first(c, "SELECT 'CREATE SEQUENCE ' || quote_ident(sequencename) || ' AS ' || data_type"
                    + " || ' INCREMENT BY ' || increment_by || ' MINVALUE ' || min_value || ' MAXVALUE ' || max_value"
                    + " || ' START WITH ' || COALESCE(last_value + increment_by, start_value) FROM pg_sequences"
                    + " WHERE schemaname = current_schema() AND sequencename = ?", name).orElse("");
        };
    }

    private String tableDefinition(Connection c, String name) throws SQLException {
        long t = table(c, name);
        List<String> parts = new ArrayList<>(query(c, "SELECT quote_ident(a.attname) || ' ' || format_type(a.atttypid,"
                + " a.atttypmod) || CASE WHEN a.attgenerated = 's' THEN ' GENERATED ALWAYS AS ('"
                + " || pg_get_expr(ad.adbin, ad.adrelid) || ') STORED' WHEN ad.adbin IS NOT NULL THEN ' DEFAULT '"
                + " || pg_get_expr(ad.adbin, ad.adrelid) ELSE '' END || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE ''"
                + " END FROM pg_attribute a LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum"
                + " WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
                rs -> rs.getString(1), t));
        parts.addAll(query(c, "SELECT 'CONSTRAINT ' || quote_ident(conname) || ' ' || pg_get_constraintdef(oid)"
                + " FROM pg_constraint WHERE conrelid = ? ORDER BY contype DESC, conname", rs -> rs.getString(1), t));
        StringBuilder ddl = new StringBuilder("CREATE TABLE " + q(name) + " (\n    " + String.join(",\n    ", parts)
                + "\n);");
        for (String index : query(c, "SELECT pg_get_indexdef(x.indexrelid) FROM pg_index x WHERE x.indrelid = ?"
                + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.conrelid = ?)"
                + " ORDER BY 1", rs -> rs.getString(1), t, t)) {
            ddl.append('\n').append(index).append(';');
        }
        return ddl.toString();
    }

    @Override
    public Map<String, Object> statistics(Connection c, SchemaObjectType type, String table, String name)
            throws SQLException {
        Map<String, Object> stats = new LinkedHashMap<>();
        switch (type) {
            case TABLE, COLUMN -> query(c, "SELECT s.seq_scan, COALESCE(s.idx_scan, 0), s.n_tup_ins, s.n_tup_upd,"
                    + " s.n_tup_del FROM pg_stat_user_tables s WHERE s.relid = ?", rs -> {
                        stats.put("scope", type == SchemaObjectType.COLUMN ? "table " + table : "table");
                        stats.put("seq_scan", rs.getLong(1));
                        stats.put("idx_scan", rs.getLong(2));
                        stats.put("n_tup_ins", rs.getLong(3));
                        stats.put("n_tup_upd", rs.getLong(4));
                        stats.put("n_tup_del", rs.getLong(5));
                        return null;
                    }, table(c, type == SchemaObjectType.TABLE ? name : table));
            case INDEX -> query(c, "SELECT s.idx_scan FROM pg_stat_user_indexes s WHERE s.relid = ? AND s.indexrelname = ?",
                    rs -> stats.put("idx_scan", rs.getLong(1)), table(c, table), name);
            default -> {
                return stats;
            }
        }
        if (!stats.isEmpty()) {
            first(c, "SELECT stats_reset::text FROM pg_stat_database WHERE datname = current_database()")
                    .ifPresent(reset -> stats.put("stats_reset", reset));
        }
        return stats;
    }

    @Override
    public String rename(SchemaObjectType type, String table, String from, String to) {
        return switch (type) {
            case ENUM_TYPE -> "ALTER TYPE " + q(from) + " RENAME TO " + q(to);
            case SEQUENCE -> "ALTER SEQUENCE " + q(from) + " RENAME TO " + q(to);
            default -> super.rename(type, table, from, to);
        };
    }
}
