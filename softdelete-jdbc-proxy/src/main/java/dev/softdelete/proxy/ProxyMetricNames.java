package dev.softdelete.proxy;

/**
 * The meters the proxy reports through core's {@code SoftDeleteMetrics} (besides
 * {@code softdelete.deprecated.access}, per element). Counts since the proxy started; the cache
 * and buffer figures are gauges sampled from the proxy.
 */
public final class ProxyMetricNames {

    /** Statements whose evidence was dropped because the buffer of statements waiting for analysis was full (counter). */
    public static final String EVIDENCE_DROPPED = "softdelete.proxy.evidence.dropped";

    /** Statements refused by strict mode, per element (counter, tag {@code element}). */
    public static final String STRICT_REFUSED = "softdelete.proxy.strict.refused";

    /** Statements waiting for analysis now (gauge). */
    public static final String PENDING = "softdelete.proxy.analysis.pending";

    /** Query-thread lookups that found the statement's analysis in the cache (gauge of a count). */
    public static final String CACHE_HITS = "softdelete.proxy.cache.hits";

    /** Query-thread lookups that did not (gauge of a count). */
    public static final String CACHE_MISSES = "softdelete.proxy.cache.misses";

    /** Cache entries evicted to stay within the byte budget (gauge of a count). */
    public static final String CACHE_EVICTIONS = "softdelete.proxy.cache.evictions";

    /** Estimated heap the analysis cache holds, in bytes (gauge). */
    public static final String CACHE_BYTES = "softdelete.proxy.cache.bytes";

    private ProxyMetricNames() {
    }
}
