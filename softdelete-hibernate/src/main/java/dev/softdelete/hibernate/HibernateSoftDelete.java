package dev.softdelete.hibernate;

import dev.softdelete.core.SoftDeleteException;
import dev.softdelete.core.metrics.MetricTags;
import dev.softdelete.core.metrics.MetricNames;
import dev.softdelete.core.logging.LogContext;
import dev.softdelete.core.purge.PurgeResult;
import dev.softdelete.core.purge.RetentionPolicy;
import dev.softdelete.hibernate.ddl.ActiveUniqueKeys;
import dev.softdelete.hibernate.event.SoftDeleteEvent;
import dev.softdelete.hibernate.event.SoftDeleteListener;
import dev.softdelete.hibernate.internal.bootstrap.SoftDeleteRuntime;
import dev.softdelete.hibernate.internal.delete.RowDeleter;
import dev.softdelete.hibernate.internal.listing.DeletedItems;
import dev.softdelete.hibernate.internal.operation.Operation;
import dev.softdelete.hibernate.internal.operation.OperationMetrics;
import dev.softdelete.hibernate.internal.restore.Restorer;
import dev.softdelete.hibernate.internal.support.RowRef;
import dev.softdelete.hibernate.internal.support.TableSql;
import dev.softdelete.hibernate.internal.support.TableSqlFactory;
import dev.softdelete.hibernate.listing.DeletedItemsPage;
import dev.softdelete.hibernate.listing.DeletedItemsQuery;
import dev.softdelete.hibernate.purge.EntityPurgeResult;
import dev.softdelete.hibernate.purge.FuturePurgeCutoffException;
import dev.softdelete.hibernate.restore.RestoreResult;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The administrative side of soft delete for one session factory: restore, delete or hard-delete
 * by id, list deleted rows, purge, listeners. Deleting and hiding need no API: {@code remove()} on
 * a {@link SoftDeletable} entity soft-deletes it, and every session hides deleted rows (see
 * {@link dev.softdelete.hibernate.scope.SoftDeleteScope} to see them).
 *
 * <pre>{@code
 * HibernateSoftDelete softDelete = HibernateSoftDelete.of(entityManagerFactory);
 * softDelete.restore(Product.class, 42L);                    // and the children deleted with it
 * softDelete.deletedItems(Product.class, DeletedItemsQuery.page(0, 20));
 * softDelete.purge(Product.class, clock.instant().minus(Duration.ofDays(30)));
 * }</pre>
 *
 * These operations run in their own transaction on the core's data source, without loading
 * entities; call them outside a Hibernate transaction that holds the same rows.
 */
public final class HibernateSoftDelete {

    private static final Logger LOG = LoggerFactory.getLogger(HibernateSoftDelete.class);
    private static final int DEFAULT_PURGE_BATCH = 1000;

    private final SoftDeleteRuntime runtime;
    private final TableSqlFactory tables;
    private final OperationMetrics metrics;
    private final SessionFactoryImplementor factory;

    private HibernateSoftDelete(SoftDeleteRuntime runtime, SessionFactoryImplementor factory) {
        this.runtime = runtime;
        this.factory = factory;
        this.tables = new TableSqlFactory(runtime);
        this.metrics = new OperationMetrics(runtime.metrics());
    }

    /** The soft-delete API of a session factory (or JPA entity manager factory) built with this library. */
    public static HibernateSoftDelete of(EntityManagerFactory factory) {
        SessionFactoryImplementor sf = factory.unwrap(SessionFactoryImplementor.class);
        SoftDeleteRuntime runtime = SoftDeleteRuntime.from(sf.getServiceRegistry());
        if (runtime == null) {
            throw new SoftDeleteException("Session factory " + sf.getName() + " was not bootstrapped with"
                    + " softdelete-hibernate: put it on the class path of the code that builds the factory, and do"
                    + " not set " + SoftDeleteSettings.INTEGRATION_ENABLED + "=false.");
        }
        return new HibernateSoftDelete(runtime, sf);
    }

    /**
     * Restores a deleted row and the cascade children deleted by the same operation.
     *
     * @throws RowNotFoundException when no row has that id
     * @throws dev.softdelete.hibernate.restore.NotDeletedException when the row is active
     * @throws dev.softdelete.hibernate.restore.RestoreConflictException when a unique key is taken
     */
    public RestoreResult restore(Class<?> type, Object id) {
        return restoreAll(type, List.of(Objects.requireNonNull(id, "id"))).get(0);
    }

    /**
     * Restores many rows in one transaction (each with its cascade children): all or none. A
     * conflict or a bad id on any row rolls back the whole call.
     */
    public List<RestoreResult> restoreAll(Class<?> type, java.util.Collection<?> ids) {
        TableSql table = tables.forClass(type);
        Map<String, Long> rows = new LinkedHashMap<>();
        List<RestoreResult> results = measured(table, OperationMetrics.RESTORE, rows,
                () -> new Restorer(tables).restoreAll(table, List.copyOf(ids), rows));
        audit("RESTORE", table, null, details("ids", ids(results.stream().map(RestoreResult::id).toList()),
                "rows", rows));
        String actor = runtime.core().actors().currentActor();
        results.forEach(r -> runtime.listeners().restored(new SoftDeleteEvent(r.entity(), r.id(), r.deletedAt(), actor)));
        return results;
    }

    /** Restores the row of a (detached or deleted-scope loaded) entity instance. */
    public RestoreResult restore(Object entity) {
        return restore(entity.getClass(), factory.getPersistenceUnitUtil().getIdentifier(entity));
    }

    /**
     * Soft-deletes a row by id, with its active cascade children, without loading it.
     *
     * @throws RowNotFoundException when no row has that id
     * @throws dev.softdelete.hibernate.delete.AlreadyDeletedException when it is deleted already
     */
    public int softDelete(Class<?> type, Object id) {
        TableSql table = tables.forClass(type);
        Operation operation = runtime.operations().newOperation();
        Map<String, Long> counts = new LinkedHashMap<>();
        List<RowRef> rows = measured(table, OperationMetrics.DELETE, counts, () -> {
            List<RowRef> marked = new RowDeleter(tables).softDelete(table, Objects.requireNonNull(id, "id"), operation);
            marked.forEach(row -> counts.merge(row.entity(), 1L, Long::sum));
            return marked;
        });
        rows.forEach(row -> runtime.listeners().softDeleted(new SoftDeleteEvent(row.entity(), row.id(),
                operation.at(), operation.actor())));
        return rows.size();
    }

    /**
     * Removes a row for good (deleted or not), with all its cascade children: the explicit
     * counterpart of {@code remove()}, which only ever soft-deletes. Writes an audit entry.
     */
    public int hardDelete(Class<?> type, Object id) {
        TableSql table = tables.forClass(type);
        Map<String, Long> counts = new LinkedHashMap<>();
        measured(table, OperationMetrics.HARD_DELETE, counts, () -> {
            counts.putAll(new RowDeleter(tables).hardDelete(table, Objects.requireNonNull(id, "id")));
            return counts;
        });
        audit("HARD_DELETE", table, null, details("ids", ids(List.of(id)), "rows", counts));
        runtime.listeners().hardDeleted(new SoftDeleteEvent(table.mapping().label(), id, runtime.clock().instant(),
                runtime.core().actors().currentActor()));
        return (int) counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A page of deleted rows, newest deletion first. */
    public DeletedItemsPage deletedItems(Class<?> type, DeletedItemsQuery query) {
        return new DeletedItems(tables).list(tables.forClass(type), query);
    }

    /** Purges rows soft-deleted before {@code cutoff}, in batches of 1000. */
    public EntityPurgeResult purge(Class<?> type, Instant cutoff) {
        return purge(type, cutoff, DEFAULT_PURGE_BATCH);
    }

    /**
     * Hard-deletes rows soft-deleted before {@code cutoff}, with their expired soft-deletable children,
     * {@code batchSize} rows per transaction, without loading entities. This is the core's retention
     * purge ({@code softDelete.purge()}) on the entity's table, as declared to {@code softDelete.tables()}
     * by the mapping: every {@code DELETE} repeats the guard (marker still before the cutoff, nothing
     * that stays references the row), so a row restored while the purge runs is never removed; a row
     * that an active child (or a row of a table without marker) still references is skipped together
     * with its expired children, so that restoring it later restores them too. Each call is a
     * {@code PURGE} run in the run registry with an audit entry; needs the library schema.
     *
     * @throws FuturePurgeCutoffException when {@code cutoff} is after the clock's now
     */
    public EntityPurgeResult purge(Class<?> type, Instant cutoff, int batchSize) {
        TableSql table = tables.forClass(type);
        Instant now = runtime.clock().instant();
        if (cutoff.isAfter(now)) {
            throw new FuturePurgeCutoffException(table.mapping().label(), cutoff, now);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
        }
        RetentionPolicy policy = RetentionPolicy.purge(table.mapping().table().table()).withBatchSize(batchSize);
        Map<String, Long> rows = new LinkedHashMap<>();
        PurgeResult purged = measured(table, OperationMetrics.PURGE, rows, () -> {
            PurgeResult result = runtime.core().purge().apply(policy, cutoff);
            result.removed().forEach((tableName, n) -> rows.merge(label(tableName), n, Long::sum));
            return result;
        });
        EntityPurgeResult result = new EntityPurgeResult(table.mapping().label(), cutoff, rows,
                (int) purged.batches(), purged.skipped(), purged.runId());
        audit("PURGE", table, purged.runId(), details("cutoff", cutoff, "rows", rows, "skipped", purged.skipped()));
        try (var log = LogContext.with(LogContext.ENTITY, table.mapping().label()).and(LogContext.COUNT, result.totalRows())) {
            LOG.info("Purged {} rows deleted before {} in {} batches (run {}), skipped {} still referenced: {}",
                    result.totalRows(), cutoff, result.batches(), purged.runId(), purged.skipped(), rows);
        }
        return result;
    }

    /** The entity label of a table (the core reports tables by their catalog name). */
    private String label(String table) {
        return runtime.mappings().forTable(table).map(m -> m.label()).orElse(table);
    }

    /** Adds a listener for soft-deletes, restores and hard deletes of this session factory. */
    public HibernateSoftDelete addListener(SoftDeleteListener listener) {
        runtime.listeners().add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Removes a listener added with {@link #addListener}; does nothing when it was not added. */
    public void removeListener(SoftDeleteListener listener) {
        runtime.listeners().remove(listener);
    }

    /** DDL helper for unique keys that deleted rows do not block, for this database. */
    public ActiveUniqueKeys uniqueKeys() {
        return ActiveUniqueKeys.forDialect(runtime.core().dialect());
    }

    /** Whether the entity class is soft-deletable in this session factory. */
    public boolean isSoftDeletable(Class<?> type) {
        try {
            runtime.mappings().require(type);
            return true;
        } catch (NotSoftDeletableException e) {
            return false;
        }
    }

    /**
     * Drops what Hibernate's second-level and query caches hold for the entity and its cascade children
     * after a change made with plain JDBC, so that no cache serves a row in its old state.
     */
    private void evictCaches(TableSql table) {
        var cache = factory.getCache();
        evictEntity(cache, table.mapping());
        cache.evictQueryRegions();
    }

    private void evictEntity(org.hibernate.Cache cache, dev.softdelete.hibernate.internal.mapping.EntityMapping mapping) {
        cache.evictEntityData(mapping.entityName());
        for (var child : mapping.children()) {
            runtime.mappings().forEntity(child.childEntity()).filter(m -> m != mapping)
                    .ifPresent(m -> cache.evictEntityData(m.entityName()));
        }
    }

    /**
     * Runs an operation: on success counts {@code rows} per entity label (filled by the work; children
     * under their own entity), on failure counts one failure (or conflict); times it either way; then
     * evicts what Hibernate's caches hold for the entity and its children.
     */
    private <T> T measured(TableSql table, String operation, Map<String, Long> rows, Supplier<T> work) {
        long start = System.nanoTime();
        String outcome = "failure";
        try {
            T result = runtime.metrics().observe(MetricNames.OBSERVATION_OPERATION,
                    MetricTags.of("entity", table.mapping().label(), "operation", operation), work);
            outcome = "success";
            rows.forEach((entity, n) -> metrics.success(entity, operation, n));
            return result;
        } catch (dev.softdelete.hibernate.restore.RestoreConflictException e) {
            outcome = "conflict";
            throw e;
        } finally {
            evictCaches(table);
            if (!outcome.equals("success")) {
                metrics.count(table.mapping().label(), operation, outcome, 1);
            }
            metrics.time(table.mapping().label(), operation, outcome, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Writes an entry in the core's audit log (who: the actor provider; what; how many). */
    private void audit(String action, TableSql table, Long runId, Map<String, ?> details) {
        try {
            runtime.core().auditLog().record(action, "ENTITY", table.mapping().label(), runId, "SUCCESS", details);
        } catch (RuntimeException e) {
            LOG.warn("Could not write the audit entry for {} of {} (the operation itself committed): {}", action,
                    table.mapping().label(), e.getMessage());
        }
    }

    /** Audit details in the given order. */
    private static Map<String, Object> details(Object... keyValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            details.put((String) keyValues[i], keyValues[i + 1]);
        }
        return details;
    }

    /** Ids as audit values (strings, numbers). */
    private static List<Object> ids(List<?> ids) {
        return ids.stream().map(id -> id instanceof Number || id instanceof String ? id : (Object) id.toString())
                .toList();
    }
}
