package dev.softdelete.hibernate;

/**
 * Hibernate configuration properties read by softdelete-hibernate. Everything else is automatic:
 * the integration is service-loaded by Hibernate (plain, JPA or Spring Boot bootstrap).
 */
public final class SoftDeleteSettings {

    /**
     * A {@link dev.softdelete.core.SoftDelete} instance (clock, actor provider, metrics, catalog).
     * Optional: without it the system clock and the OS user are used, and the administrative API
     * builds one from the configured {@code DataSource}.
     */
    public static final String CORE = "softdelete.core";

    /** Name of the filter that hides deleted rows; enabled in every session. */
    public static final String ACTIVE_FILTER = "softdelete.active";

    /** Name of the filter that shows only deleted rows; enabled by {@code SoftDeleteScope.onlyDeleted}. */
    public static final String DELETED_FILTER = "softdelete.deleted";

    private SoftDeleteSettings() {
    }
}
