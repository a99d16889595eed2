package dev.softdelete.core.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Query helpers shared by the per-database {@link SchemaObjects}. */
abstract class AbstractSchemaObjects implements SchemaObjects {

    final Dialect dialect;

    AbstractSchemaObjects(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Maps one row. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    static <T> List<T> query(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                return out;
            }
        }
    }

    static Optional<String> first(Connection c, String sql, Object... params) throws SQLException {
        return query(c, sql, rs -> rs.getString(1), params).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** The name as the database folds an unquoted name, then exactly as written. */
    Set<String> candidates(String name) {
        Set<String> names = new LinkedHashSet<>();
        names.add(dialect.foldCase(name));
        names.add(name);
        return names;
    }

    /** Resolves {@code name} with {@code lookup} (which returns the stored name for an exact one). */
    Optional<String> resolve(String name, Lookup lookup) throws SQLException {
        for (String candidate : candidates(name)) {
            Optional<String> found = lookup.find(candidate);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** One exact lookup. */
    @FunctionalInterface
    interface Lookup {
        Optional<String> find(String exactName) throws SQLException;
    }

    /**
     * Whether SQL text {@code text} mentions {@code name} as a whole word, quoted or not, compared
     * without regard to case (on the safe side: a false hit blocks, a miss would break something).
     */
    static boolean mentions(String text, String name) {
        if (text == null || name == null) {
            return false;
        }
        return Pattern.compile("(?<![A-Za-z0-9_$])" + Pattern.quote(name.toLowerCase(Locale.ROOT))
                + "(?![A-Za-z0-9_$])").matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    String q(String storedName) {
        return dialect.quote(Identifier.quoted(storedName));
    }

    @Override
    public String unsupported(SchemaObjectType type) {
        return null;
    }

    @Override
    public String rename(SchemaObjectType type, String table, String from, String to) {
        Identifier f = Identifier.quoted(from);
        Identifier t = Identifier.quoted(to);
        return switch (type) {
            case TABLE -> dialect.renameTable(f, t);
            case COLUMN -> dialect.renameColumn(Identifier.quoted(table), f, t);
            case INDEX -> dialect.renameIndex(Identifier.quoted(table), f, t);
            case CONSTRAINT -> dialect.renameConstraint(Identifier.quoted(table), f, t);
            case ENUM_TYPE, SEQUENCE -> throw new UnsupportedDatabaseException(unsupported(type));
        };
    }

    static SchemaDependency dep(String kind, String name, String detail, boolean blocking) {
        return new SchemaDependency(kind, name, detail, blocking);
    }
}
