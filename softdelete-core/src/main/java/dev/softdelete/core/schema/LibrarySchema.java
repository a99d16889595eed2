package dev.softdelete.core.schema;

import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.dialect.Identifier;
import dev.softdelete.core.dialect.InvalidIdentifierException;
import java.util.regex.Pattern;

/**
 * Names of the library's tables under a prefix (default {@value #DEFAULT_PREFIX}), validated
 * once against the dialect so that every feature can splice them into SQL.
 */
public final class LibrarySchema {

    /** The default table prefix, {@code sd_}. */
    public static final String DEFAULT_PREFIX = "sd_";

    /** The longest name the scripts derive from the prefix (an index name). */
    private static final String LONGEST_SUFFIX = "migration_runs_status_ix";

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|");

    private final String prefix;
    private final Dialect dialect;

    /**
     * Validates {@code prefix} (empty, or a plain identifier start) and the longest name it yields against the dialect.
     *
     * @throws InvalidIdentifierException when the prefix is unusable or makes a name too long for the database
     */
    public LibrarySchema(String prefix, Dialect dialect) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new InvalidIdentifierException(prefix, "Table prefix '" + prefix
                    + "' is not usable: it must be empty or start with a letter or '_' followed by"
                    + " letters, digits or '_' (for example 'sd_').");
        }
        this.prefix = prefix;
        this.dialect = dialect;
        dialect.validate(Identifier.of(prefix + LONGEST_SUFFIX));
    }

    /** Returns the table prefix; may be empty. */
    public String prefix() {
        return prefix;
    }

    /** The unquoted SQL name of a library table, e.g. {@code sd_migration_runs}. */
    public String name(LibraryTable table) {
        return prefix + table.suffix();
    }

    /**
     * Whether {@code tableName} (as the catalog or a user spells it) names one of the library's
     * tables under this prefix, compared case-insensitively, whatever the prefix (empty included).
     * Features refuse such tables as targets: the library never runs a soft delete, purge or
     * archive on its own bookkeeping.
     */
    public boolean isLibraryTable(String tableName) {
        for (LibraryTable table : LibraryTable.values()) {
            if (name(table).equalsIgnoreCase(tableName)) {
                return true;
            }
        }
        return false;
    }

    /** The quoted SQL name of a library table, ready to splice into a statement. */
    public String table(LibraryTable table) {
        return dialect.quote(Identifier.of(name(table)));
    }
}
