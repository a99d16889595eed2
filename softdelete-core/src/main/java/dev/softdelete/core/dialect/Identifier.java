package dev.softdelete.core.dialect;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A validated SQL identifier (table, column, index or constraint name).
 *
 * <p>{@link #of(String)} accepts only plain identifiers: a letter or underscore followed by
 * letters, digits or underscores. Everything else (spaces, quotes, semicolons, comment markers)
 * is rejected, which is what makes it safe to splice an identifier into SQL. Names that really
 * need quoting go through the explicit {@link #quoted(String)}, which still rejects quote
 * characters and control characters. Length limits depend on the database and are checked by
 * {@link Dialect#validate(Identifier)}.
 */
public final class Identifier {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String name;
    private final boolean quoted;

    private Identifier(String name, boolean quoted) {
        this.name = name;
        this.quoted = quoted;
    }

    /**
     * A plain, unquoted identifier, matched the way the database matches unquoted names
     * (case-insensitively on PostgreSQL and H2).
     *
     * @throws InvalidIdentifierException if {@code name} is null, empty or not a plain identifier
     */
    public static Identifier of(String name) {
        if (name == null || name.isEmpty()) {
            throw new InvalidIdentifierException(name,
                    "Identifier is empty: give a table, column or index name such as 'products'.");
        }
        if (!PLAIN.matcher(name).matches()) {
            throw new InvalidIdentifierException(name, "Identifier '" + printable(name)
                    + "' is not a plain SQL identifier: use letters, digits and '_' only, starting with a"
                    + " letter or '_'. For a name that must be quoted, use Identifier.quoted(...).");
        }
        return new Identifier(name, false);
    }

    /**
     * An identifier that is quoted as written, case preserved. Rejects double quotes, backticks,
     * NUL and other control characters, and surrounding whitespace.
     */
    public static Identifier quoted(String name) {
        if (name == null || name.isEmpty()) {
            throw new InvalidIdentifierException(name, "Quoted identifier is empty: give the exact name.");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"' || c == '`' || Character.isISOControl(c)) {
                throw new InvalidIdentifierException(name, "Quoted identifier '" + printable(name)
                        + "' contains a quote or control character at position " + i
                        + ": such names are not supported.");
            }
        }
        if (!name.strip().equals(name)) {
            throw new InvalidIdentifierException(name, "Quoted identifier '" + printable(name)
                    + "' starts or ends with whitespace: give the exact name without padding.");
        }
        return new Identifier(name, true);
    }

    /** The name as given. */
    public String name() {
        return name;
    }

    /** Whether this identifier came from {@link #quoted(String)}. */
    public boolean isQuoted() {
        return quoted;
    }

    static String printable(String s) {
        String shown = s.length() > 80 ? s.substring(0, 77) + "..." : s;
        StringBuilder b = new StringBuilder();
        for (char c : shown.toCharArray()) {
            b.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Identifier other && other.quoted == quoted && other.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, quoted);
    }

    @Override
    public String toString() {
        return quoted ? '"' + name + '"' : name;
    }
}
