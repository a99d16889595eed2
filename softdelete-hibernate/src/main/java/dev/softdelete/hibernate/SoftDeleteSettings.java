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

    /**
     * Name of the filter enabled by {@code SoftDeleteScope.includeDeleted}. Deleted rows are hidden by a
     * restriction in the mapping, not by a filter, so that Hibernate can cache query plans; inside a
     * scope this filter marks the SQL and the library's statement inspector lifts the restriction.
     * Enable it through {@code SoftDeleteScope}, not directly.
     */
    public static final String INCLUDE_DELETED_FILTER = "softdelete.all";

    /**
     * Name of the filter enabled by {@code SoftDeleteScope.onlyDeleted} (the inspector turns the
     * restriction into "deleted rows only"). Enable it through {@code SoftDeleteScope}, not directly.
     */
    public static final String DELETED_FILTER = "softdelete.deleted";

    private SoftDeleteSettings() {
    }
}
