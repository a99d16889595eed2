package dev.softdelete.core.deprecation;

import dev.softdelete.core.dialect.Dialect;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * New names: {@code {name}_deprecated_{YYYYMMDD}_{reason}}. Over the database's identifier limit
 * the name part is cut and followed by the first 8 hex digits of the SHA-256 of the whole original
 * name (deterministic, and two long names sharing a beginning still differ); a name already taken
 * gets {@code _2}, {@code _3}, ... (stable: the same catalog gives the same name). Names the
 * database folds (PostgreSQL lower case, H2 upper case) are folded, so they work unquoted.
 */
final class DeprecationNames {

    /** What a deprecated name looks like: refused as a target ("already deprecated"). */
    static final Pattern DEPRECATED = Pattern.compile("(?i).*_deprecated_[0-9]{8}_[a-z]+(_[0-9]+)?");

    private DeprecationNames() {
    }

    /** The new name for {@code stored} (as the catalog stores it), avoiding names {@code taken}. */
    static String newName(Dialect dialect, String stored, String day, DeprecationReason reason,
            Predicate<String> taken) {
        String suffix = "_deprecated_" + day + "_" + reason.code();
        for (int n = 1; ; n++) {
            String candidate = build(dialect, stored, suffix + (n == 1 ? "" : "_" + n));
            if (!taken.test(candidate)) {
                return candidate;
            }
            if (n > 1000) {
                throw new DeprecationInputException("No free deprecated name for '" + stored + "' after 1000"
                        + " attempts; rename or drop old deprecated elements first.");
            }
        }
    }

    private static String build(Dialect dialect, String stored, String tail) {
        boolean folded = dialect.foldCase(stored).equals(stored);
        String full = fold(dialect, folded, stored + tail);
        if (dialect.identifierLength(full) <= dialect.maxIdentifierLength()) {
            return full;
        }
        String hashed = "_" + hash8(stored) + tail;
        String prefix = stored;
        while (!prefix.isEmpty()
                && dialect.identifierLength(fold(dialect, folded, prefix + hashed)) > dialect.maxIdentifierLength()) {
            prefix = prefix.substring(0, prefix.offsetByCodePoints(prefix.length(), -1));
        }
        return fold(dialect, folded, prefix + hashed);
    }

    private static String fold(Dialect dialect, boolean folded, String name) {
        return folded ? dialect.foldCase(name) : name;
    }

    static String hash8(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(name.getBytes(StandardCharsets.UTF_8))).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
