package dev.softdelete.proxy.analysis;

/** How sure the analysis is that a statement touches a watched element. */
public enum Confidence {
    /** The parsed statement names the element (after resolving aliases). */
    EXACT,
    /** {@code SELECT *} (or {@code t.*}) on a table that has the watched column. */
    POSSIBLE,
    /** The parser rejected the statement; a token scan found the names. */
    LEXICAL
}
