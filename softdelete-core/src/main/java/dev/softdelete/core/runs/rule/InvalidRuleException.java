package dev.softdelete.core.runs.rule;

import dev.softdelete.core.SoftDeleteException;

/** A rule or rule set is malformed or does not fit the target table. Nothing was changed. */
public class InvalidRuleException extends SoftDeleteException {

    /** Creates the exception with a message that says what is wrong and how to fix it. */
    public InvalidRuleException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the failure that caused it. */
    public InvalidRuleException(String message, Throwable cause) {
        super(message, cause);
    }
}
