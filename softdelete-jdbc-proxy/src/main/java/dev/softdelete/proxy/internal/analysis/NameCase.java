package dev.softdelete.proxy.internal.analysis;

import dev.softdelete.core.dialect.Dialect;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * How a database compares identifiers, so that {@code "Users"}, {@code USERS} and {@code `users`}
 * match a watched name exactly when the database would resolve them to the same object. Taken
 * from the {@link Dialect}: unquoted names fold as {@link Dialect#foldCase} says, quoted names are
 * exact, unless the syntax matches names regardless of case, where everything is lower-cased
 * (the safe side for telemetry).
 */
public final class NameCase {

    private final UnaryOperator<String> fold;
    private final boolean insensitive;

    private NameCase(UnaryOperator<String> fold, boolean insensitive) {
        this.fold = fold;
        this.insensitive = insensitive;
    }

    /** The rule of the dialect's database. */
    public static NameCase of(Dialect dialect) {
        boolean insensitive = dialect.syntax().caseInsensitiveNames();
        return new NameCase(insensitive ? NameCase::lower : dialect::foldCase, insensitive);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The name the database resolves an identifier to, as written in SQL (quoted or not). */
    public String canonical(String written) {
        int n = written.length();
        if (n >= 2) {
            char first = written.charAt(0);
            char last = written.charAt(n - 1);
            if ((first == '"' && last == '"') || (first == '`' && last == '`') || (first == '[' && last == ']')) {
                String inner = first == '"' ? written.substring(1, n - 1).replace("\"\"", "\"") : written.substring(1, n - 1);
                return insensitive ? lower(inner) : inner;
            }
        }
        return fold.apply(written);
    }
}
