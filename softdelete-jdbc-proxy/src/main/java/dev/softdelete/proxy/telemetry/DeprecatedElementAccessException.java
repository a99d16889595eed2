package dev.softdelete.proxy.telemetry;

import dev.softdelete.proxy.internal.analysis.SqlText;
import java.sql.SQLException;

/**
 * Strict mode refused a statement because it touches a deprecated element; the statement never
 * reached the database. SQL state {@value #SQL_STATE} (syntax error or access rule violation).
 */
public final class DeprecatedElementAccessException extends SQLException {

    /** SQL state of the exception: syntax error or access rule violation. */
    public static final String SQL_STATE = "42000";

    /** The deprecated element the statement touched. */
    private final String element;

    /** {@code sql} was refused because it touches {@code element}. */
    public DeprecatedElementAccessException(String element, String sql) {
        super("Statement rejected by softdelete strict mode: it touches deprecated element '" + element
                + "', which is scheduled for removal. Stop using " + element + " in this statement (see the"
                + " deprecation registry for its replacement), or turn strict mode off. Statement: "
                + SqlText.abbreviate(sql, 300), SQL_STATE);
        this.element = element;
    }

    /** The deprecated element, {@code table.column} or {@code table}. */
    public String element() {
        return element;
    }
}
