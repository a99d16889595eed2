package dev.softdelete.hibernate;

/**
 * Hibernate configuration properties read by softdelete-hibernate. Everything else is automatic:
 * the integration is service-loaded by Hibernate (plain, JPA or Spring Boot bootstrap) unless
 * {@link #INTEGRATION_ENABLED} turns it off.
 */
public final class SoftDeleteSettings {

    /**
     * {@code false} switches the automatic integration off for a session factory, as Envers'
     * {@code hibernate.integration.envers.enabled} does: {@link SoftDeletable} is then ignored
     * ({@code remove()} deletes rows for good, deleted rows are not hidden) and
     * {@code HibernateSoftDelete.of} refuses the factory. Default {@code true}; any value other
     * than {@code false} keeps it on, so that a typo never silently turns soft delete off.
     */
    public static final String INTEGRATION_ENABLED = "softdelete.integration.enabled";

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
