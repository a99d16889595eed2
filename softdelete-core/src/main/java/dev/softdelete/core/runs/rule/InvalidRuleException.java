package dev.softdelete.core.runs.rule;

import dev.softdelete.core.SoftDeleteException;

/** A rule or rule set is malformed or does not fit the target table. Nothing was changed. */
public class InvalidRuleException extends SoftDeleteException {

    public InvalidRuleException(String message) {
        super(message);
    }

    public InvalidRuleException(String message, Throwable cause) {
        super(message, cause);
    }
}
