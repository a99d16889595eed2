package dev.softdelete.proxy.analysis;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the SQL analysis: how many SQL strings are cached, and when a statement is too slow,
 * too long or too deeply nested to parse (it then gets a token scan instead).
 *
 * @param maxEntries     SQL strings cached (default 10,000)
 * @param parseTimeout   a parse running longer is abandoned for the token scan (default 1 s)
 * @param maxParseLength longer statements go straight to the token scan (default 100,000 chars)
 * @param maxNesting     deeper parenthesis nesting goes straight to the token scan (default 64)
 */
public record AnalysisSettings(int maxEntries, Duration parseTimeout, int maxParseLength, int maxNesting) {

    /** The defaults listed above. */
    public static final AnalysisSettings DEFAULTS = new AnalysisSettings(10_000, Duration.ofSeconds(1), 100_000, 64);

    /** Checks that every limit is positive. */
    public AnalysisSettings {
        Objects.requireNonNull(parseTimeout, "parseTimeout");
        if (maxEntries <= 0 || maxParseLength <= 0 || maxNesting <= 0 || parseTimeout.isNegative() || parseTimeout.isZero()) {
            throw new IllegalArgumentException("Analysis limits must be positive, got " + maxEntries + " entries, "
                    + parseTimeout + " parse timeout, " + maxParseLength + " characters, nesting " + maxNesting);
        }
    }
}
