package dev.softdelete.proxy.internal.analysis;

import dev.softdelete.proxy.analysis.StatementKind;
import java.util.List;

/**
 * What one SQL string touches: watched elements and soft-delete leaks. Immutable and cached per
 * SQL string.
 *
 * @param kind   what the statement does
 * @param hits   watched elements it touches, at most one per element
 * @param leaks  soft-deletable tables it reads without a predicate on their deleted marker
 * @param parsed whether JSqlParser understood it ({@code false}: a token scan produced the result)
 */
public record Analysis(StatementKind kind, List<Hit> hits, List<Leak> leaks, boolean parsed) {

    /** The result for a statement that cannot touch anything watched. */
    public static final Analysis NOTHING = new Analysis(StatementKind.OTHER, List.of(), List.of(), false);

    public Analysis {
        hits = List.copyOf(hits);
        leaks = List.copyOf(leaks);
    }

    /** Whether there is nothing to report. */
    public boolean isEmpty() {
        return hits.isEmpty() && leaks.isEmpty();
    }
}
