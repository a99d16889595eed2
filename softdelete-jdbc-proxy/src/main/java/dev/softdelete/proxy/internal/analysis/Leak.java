package dev.softdelete.proxy.internal.analysis;

import dev.softdelete.proxy.analysis.Confidence;

/**
 * A SELECT reads a soft-deletable table without a predicate on its deleted marker, so deleted
 * rows come back.
 *
 * @param table      the soft-deletable table as registered
 * @param confidence {@link Confidence#EXACT} from the parsed statement, {@link Confidence#LEXICAL} from a token scan
 */
public record Leak(String table, Confidence confidence) {
}
