package dev.softdelete.hibernate.scope;

import dev.softdelete.hibernate.SoftDeleteSettings;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.EntityManager;
import java.util.function.Supplier;
import org.hibernate.CacheMode;
import org.hibernate.Session;

/**
 * Changes what one session (unit of work) sees for the duration of a block, then puts back what
 * it saw before, also when the block throws. Scopes nest. Affects queries, {@code find},
 * {@code getReference} and collections loaded inside the block; entities already in the
 * persistence context stay as they are.
 * <p>
 * The default view (active rows) needs no filter: it is a restriction in the mapping, so Hibernate
 * caches its query plans. A scope enables one of the library's filters, which marks the generated SQL
 * for the library's statement inspector; plans inside a scope are translated on each execution.
 *
 * <pre>{@code
 * List<Product> all = SoftDeleteScope.includeDeleted(em, () ->
 *         em.createQuery("from Product", Product.class).getResultList());
 * }</pre>
 */
public final class SoftDeleteScope {

    private static final String STORE_MODE = "jakarta.persistence.cache.storeMode";
    private static final String RETRIEVE_MODE = "jakarta.persistence.cache.retrieveMode";

    private SoftDeleteScope() {
    }

    /** Runs {@code work} seeing active and deleted rows. */
    public static <T> T includeDeleted(EntityManager em, Supplier<T> work) {
        return with(em, Visibility.ALL, work);
    }

    /** Runs {@code work} seeing deleted rows only. */
    public static <T> T onlyDeleted(EntityManager em, Supplier<T> work) {
        return with(em, Visibility.DELETED, work);
    }

    /** Runs {@code work} seeing active rows only (the default), e.g. inside an including scope. */
    public static <T> T activeOnly(EntityManager em, Supplier<T> work) {
        return with(em, Visibility.ACTIVE, work);
    }

    /**
     * Runs {@code work} with the given visibility, restoring the previous one (and the session's cache
     * mode) afterwards. Outside the default view the session neither reads nor writes the second-level
     * and query caches ({@link CacheMode#IGNORE}), so that a deleted entity never enters a cache that
     * the default view reads.
     */
    public static <T> T with(EntityManager em, Visibility visibility, Supplier<T> work) {
        Session session = em.unwrap(Session.class);
        Visibility previous = current(session);
        CacheMode cacheMode = session.getCacheMode();
        Object storeMode = session.getProperties().get(STORE_MODE);
        Object retrieveMode = session.getProperties().get(RETRIEVE_MODE);
        apply(session, visibility);
        if (visibility != Visibility.ACTIVE) {
            // find() reads the JPA properties, queries the cache mode: bypass the caches for both.
            session.setProperty(STORE_MODE, CacheStoreMode.BYPASS);
            session.setProperty(RETRIEVE_MODE, CacheRetrieveMode.BYPASS);
            session.setCacheMode(CacheMode.IGNORE);
        }
        try {
            return work.get();
        } finally {
            apply(session, previous);
            if (visibility != Visibility.ACTIVE) {
                session.setProperty(STORE_MODE, storeMode != null ? storeMode : cacheMode.getJpaStoreMode());
                session.setProperty(RETRIEVE_MODE, retrieveMode != null ? retrieveMode : cacheMode.getJpaRetrieveMode());
                session.setCacheMode(cacheMode);
            }
        }
    }

    /** What the session currently sees. */
    public static Visibility current(EntityManager em) {
        Session session = em.unwrap(Session.class);
        if (session.getEnabledFilter(SoftDeleteSettings.DELETED_FILTER) != null) {
            return Visibility.DELETED;
        }
        return session.getEnabledFilter(SoftDeleteSettings.INCLUDE_DELETED_FILTER) != null
                ? Visibility.ALL : Visibility.ACTIVE;
    }

    private static void apply(Session session, Visibility visibility) {
        toggle(session, SoftDeleteSettings.INCLUDE_DELETED_FILTER, visibility == Visibility.ALL);
        toggle(session, SoftDeleteSettings.DELETED_FILTER, visibility == Visibility.DELETED);
    }

    private static void toggle(Session session, String filter, boolean on) {
        boolean enabled = session.getEnabledFilter(filter) != null;
        if (on && !enabled) {
            session.enableFilter(filter);
        } else if (!on && enabled) {
            session.disableFilter(filter);
        }
    }
}
