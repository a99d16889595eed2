package dev.softdelete.proxy.analysis;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the SQL analysis: how much memory the analysis cache and the buffer of statements
 * waiting for analysis may take, and when a statement is too slow, too long or too deeply nested
 * to parse (it then gets a token scan instead).
 *
 * @param maxCacheBytes  estimated heap the analysis cache may hold (default 4 MB); past it an
 *                       arbitrary tenth is evicted
 * @param parseTimeout   outside strict mode, a parse running longer is abandoned for the token scan
 *                       (default 1 s); strict mode never abandons a parse, so its decisions cannot
 *                       depend on timing
 * @param maxParseLength longer statements go straight to the token scan (default 100,000 chars)
 * @param maxNesting     deeper parenthesis nesting goes straight to the token scan (default 64)
 * @param maxPending     statements waiting for analysis, at most (default 10,000); past it a
 *                       statement's evidence is dropped, counted and alerted
 * @param maxPendingChars characters of SQL waiting for analysis, at most (default 8,000,000)
 */
public record AnalysisSettings(long maxCacheBytes, Duration parseTimeout, int maxParseLength, int maxNesting,
        int maxPending, long maxPendingChars) {

    /** The defaults listed above. */
    public static final AnalysisSettings DEFAULTS = new AnalysisSettings(4L << 20, Duration.ofSeconds(1), 100_000, 64,
            10_000, 8_000_000L);

    /** Checks that every limit is positive. */
    public AnalysisSettings {
        Objects.requireNonNull(parseTimeout, "parseTimeout");
        if (maxCacheBytes <= 0 || maxParseLength <= 0 || maxNesting <= 0 || parseTimeout.isNegative()
                || parseTimeout.isZero() || maxPending <= 0 || maxPendingChars <= 0) {
            throw new IllegalArgumentException("Analysis limits must be positive, got " + maxCacheBytes + " cache bytes, "
                    + parseTimeout + " parse timeout, " + maxParseLength + " characters, nesting " + maxNesting
                    + ", " + maxPending + " pending statements, " + maxPendingChars + " pending characters");
        }
    }

    /** The defaults listed above. */
    public static AnalysisSettings defaults() {
        return DEFAULTS;
    }

    /** These settings with another cache budget in bytes. */
    public AnalysisSettings withMaxCacheBytes(long bytes) {
        return new AnalysisSettings(bytes, parseTimeout, maxParseLength, maxNesting, maxPending, maxPendingChars);
    }

    /** These settings with another parse time limit (outside strict mode). */
    public AnalysisSettings withParseTimeout(Duration timeout) {
        return new AnalysisSettings(maxCacheBytes, timeout, maxParseLength, maxNesting, maxPending, maxPendingChars);
    }

    /** These settings with another longest parsed statement. */
    public AnalysisSettings withMaxParseLength(int chars) {
        return new AnalysisSettings(maxCacheBytes, parseTimeout, chars, maxNesting, maxPending, maxPendingChars);
    }

    /** These settings with another deepest parsed nesting. */
    public AnalysisSettings withMaxNesting(int depth) {
        return new AnalysisSettings(maxCacheBytes, parseTimeout, maxParseLength, depth, maxPending, maxPendingChars);
    }

    /** These settings with other bounds on the statements waiting for analysis. */
    public AnalysisSettings withMaxPending(int statements, long chars) {
        return new AnalysisSettings(maxCacheBytes, parseTimeout, maxParseLength, maxNesting, statements, chars);
    }
}
