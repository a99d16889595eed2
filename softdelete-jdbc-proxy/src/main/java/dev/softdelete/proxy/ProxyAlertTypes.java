package dev.softdelete.proxy;

/** The {@code Alert.type()} values the proxy raises, for listeners that route alerts by type. */
public final class ProxyAlertTypes {

    /** A deprecated element was accessed after nobody touched it for the quiet period. */
    public static final String DEPRECATED_ACCESS = "proxy.deprecated_access";

    /**
     * A statement used the original name of an element a deprecation renamed: it fails in the
     * database. Raised for every such access (at most once a minute per element and caller), with
     * the calling frame.
     */
    public static final String RENAMED_ELEMENT_USED = "proxy.renamed_element_used";

    /** A SELECT read a soft-deletable table without a predicate on its marker column (first time per place). */
    public static final String SOFT_DELETE_LEAK = "proxy.soft_delete_leak";

    /**
     * Statements waiting for analysis overflowed their bounded buffer: their evidence (hits and
     * leaks) was dropped. Raised on the first drop and then at most once a minute while drops go on;
     * the count is on the {@value ProxyMetricNames#EVIDENCE_DROPPED} meter.
     */
    public static final String EVIDENCE_DROPPED = "proxy.evidence_dropped";

    private ProxyAlertTypes() {
    }
}
