package dev.softdelete.core.runs.rule;

/**
 * A raw SQL predicate was refused: it is not one boolean expression made only of what
 * {@link PredicateValidator} allows. The message names the offending construct. Nothing was sent
 * to the database.
 */
public class UnsafePredicateException extends InvalidRuleException {

    private static final String ALLOWED = " Predicates may use the target's columns (plain or as t.column),"
            + " literals ('text', numbers, TRUE/FALSE, NULL, DATE/TIMESTAMP '...'), comparisons, AND/OR/NOT,"
            + " arithmetic, IS [NOT] NULL, [NOT] IN (...), BETWEEN, [NOT] LIKE, CASE, the database's pure functions"
            + " (lower, upper, coalesce, ...) and EXISTS/IN subqueries over application tables under the same rules,"
            + " e.g. \"price = 0 AND sku LIKE 'TMP%'\". See docs/security.md.";

    /** Creates the exception for {@code predicate}; {@code reason} says what was refused. */
    public UnsafePredicateException(String predicate, String reason) {
        super("Refused predicate '" + predicate + "': " + reason + "." + ALLOWED);
    }

    /** Creates the exception for {@code predicate} that could not be parsed; {@code reason} says why. */
    public UnsafePredicateException(String predicate, String reason, Throwable cause) {
        super("Refused predicate '" + predicate + "': " + reason + "." + ALLOWED, cause);
    }
}
