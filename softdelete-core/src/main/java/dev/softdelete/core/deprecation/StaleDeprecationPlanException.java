package dev.softdelete.core.deprecation;

/** The catalog or the usage evidence changed since the plan was made (its content-derived token no longer matches): plan again, review, and apply the new plan. Nothing was changed. */
public class StaleDeprecationPlanException extends DeprecationException {

    /** Creates the exception with a message that says what, where and what to do next. */
    public StaleDeprecationPlanException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the failure that caused it. */
    public StaleDeprecationPlanException(String message, Throwable cause) {
        super(message, cause);
    }
}
