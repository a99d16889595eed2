package dev.softdelete.core.runs.rule;

/** A raw SQL predicate was refused: not one safe boolean expression over the target table. */
public class UnsafePredicateException extends InvalidRuleException {

    /** Creates the exception for {@code predicate}; {@code reason} says what was refused. */
    public UnsafePredicateException(String predicate, String reason) {
        super("Refused predicate '" + predicate + "': " + reason
                + ". Write one boolean expression over the target table's columns, e.g. \"price = 0 AND sku LIKE 'TMP%'\".");
    }

    /** Creates the exception for {@code predicate} that could not be parsed; {@code reason} says why. */
    public UnsafePredicateException(String predicate, String reason, Throwable cause) {
        super("Refused predicate '" + predicate + "': " + reason + ".", cause);
    }
}
