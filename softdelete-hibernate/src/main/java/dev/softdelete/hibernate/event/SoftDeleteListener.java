package dev.softdelete.hibernate.event;

/**
 * Notified of lifecycle changes of soft-deletable rows. Every method is a no-op by default; a
 * listener that throws is logged and skipped, never breaking the operation that notified it.
 * Soft deletes through {@code remove()} are reported when Hibernate executes them (at flush).
 */
public interface SoftDeleteListener {

    /** A row was marked deleted (by {@code remove()}, a cascade or the API). */
    default void softDeleted(SoftDeleteEvent event) {
    }

    /** A row was restored. */
    default void restored(SoftDeleteEvent event) {
    }

    /** A row was removed for good (hard delete or purge). */
    default void hardDeleted(SoftDeleteEvent event) {
    }
}
