package dev.softdelete.core.runs;

import dev.softdelete.core.catalog.ColumnInfo;
import dev.softdelete.core.runs.rule.InvalidRuleException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The Java side of a run's key column. Run items and cursors store keys as text; this turns
 * them back into values the database compares the same way it compares the column.
 */
enum KeyType {
    INTEGER("BIGINT"), TEXT("VARCHAR(255)");

    private final String sqlType;

    KeyType(String sqlType) {
        this.sqlType = sqlType;
    }

    static KeyType of(String table, ColumnInfo column) {
        return switch (column.jdbcType()) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> INTEGER;
            case Types.VARCHAR, Types.CHAR, Types.NVARCHAR, Types.NCHAR -> TEXT;
            default -> throw new InvalidRuleException("Key column " + table + "." + column.name() + " has type "
                    + column.typeName() + "; runs paginate by an integer or character key. Choose such a key column.");
        };
    }

    /** SQL type to CAST text to for comparisons with the key column. */
    String sqlType() {
        return sqlType;
    }

    Object read(ResultSet rs, int index) throws SQLException {
        return this == INTEGER ? (Object) rs.getLong(index) : rs.getString(index);
    }

    Object parse(String text) {
        return this == INTEGER ? (Object) Long.valueOf(text) : text;
    }

    /** Normalizes a user-supplied id (e.g. an {@code Integer}) to the key's Java type. */
    Object normalize(Object id) {
        if (this == INTEGER) {
            if (id instanceof Number n) {
                return n.longValue();
            }
            try {
                return Long.valueOf(String.valueOf(id));
            } catch (NumberFormatException e) {
                throw new InvalidRuleException("Id '" + id + "' is not a number, but the key column is an integer.");
            }
        }
        return String.valueOf(id);
    }
}
