package dev.softdelete.core.deprecation;

/**
 * How {@link Deprecations#apply} treats BLOCKED elements: refused by default; renamed anyway with
 * {@link #force(String)}, whose written justification goes to the audit log and the registry.
 *
 * @param forced        whether BLOCKED elements are renamed anyway
 * @param justification why (required when forced)
 */
public record ApplyOptions(boolean forced, String justification) {

    /** Checks that a forced apply has a justification. */
    public ApplyOptions {
        if (forced && (justification == null || justification.isBlank())) {
            throw new DeprecationInputException("Forcing a deprecation needs a written justification (who decided,"
                    + " why the blocking reasons do not apply): ApplyOptions.force(\"...\").");
        }
    }

    /** BLOCKED elements are refused. */
    public static ApplyOptions defaults() {
        return new ApplyOptions(false, null);
    }

    /** BLOCKED elements are renamed anyway; {@code justification} is audited. */
    public static ApplyOptions force(String justification) {
        return new ApplyOptions(true, justification);
    }
}
