package dev.softdelete.proxy.analysis;

import dev.softdelete.core.dialect.DatabaseKind;
import java.util.Locale;

/**
 * How a database compares identifiers, so that {@code "Users"}, {@code USERS} and {@code `users`}
 * match a watched name exactly when the database would resolve them to the same object.
 */
public enum NameCase {
    /** H2: unquoted names fold to upper case; quoted names are exact. */
    UPPER {
        @Override
        String fold(String unquoted) {
            return unquoted.toUpperCase(Locale.ROOT);
        }
    },
    /** PostgreSQL: unquoted names fold to lower case; quoted names are exact. */
    LOWER {
        @Override
        String fold(String unquoted) {
            return unquoted.toLowerCase(Locale.ROOT);
        }
    },
    /**
     * MariaDB/MySQL: column names never depend on case; table names are treated the same way
     * (true with {@code lower_case_table_names=1}, and the safe side for telemetry otherwise).
     */
    INSENSITIVE {
        @Override
        String fold(String unquoted) {
            return unquoted.toLowerCase(Locale.ROOT);
        }

        @Override
        String quoted(String inner) {
            return inner.toLowerCase(Locale.ROOT);
        }
    };

    /** The rule of a database. */
    public static NameCase of(DatabaseKind kind) {
        return switch (kind) {
            case H2 -> UPPER;
            case POSTGRESQL -> LOWER;
            default -> INSENSITIVE;
        };
    }

    abstract String fold(String unquoted);

    String quoted(String inner) {
        return inner;
    }

    /** The name the database resolves an identifier to, as written in SQL (quoted or not). */
    public String canonical(String written) {
        int n = written.length();
        if (n >= 2) {
            char first = written.charAt(0);
            char last = written.charAt(n - 1);
            if ((first == '"' && last == '"') || (first == '`' && last == '`') || (first == '[' && last == ']')) {
                String inner = written.substring(1, n - 1);
                return quoted(first == '"' ? inner.replace("\"\"", "\"") : inner);
            }
        }
        return fold(written);
    }
}
