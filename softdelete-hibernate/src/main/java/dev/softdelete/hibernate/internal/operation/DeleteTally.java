package dev.softdelete.hibernate.internal.operation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * Counts and times {@code remove()} of soft-deletable entities, and counts bulk and native deletes
 * softened to updates by their row count, when the transaction ends, not when
 * Hibernate runs the delete: a committed delete counts as {@code success} (one per row, under the
 * row's own entity, so cascade children count under theirs), a rolled-back one as {@code failure}.
 * The time of one {@code remove()} is what Hibernate spends between its pre- and post-delete events
 * (the soft-delete UPDATE may be batched and sent later).
 */
public final class DeleteTally {

    private final Map<SharedSessionContractImplementor, Pending> bySession =
            Collections.synchronizedMap(new WeakHashMap<>());
    private final OperationMetrics metrics;

    public DeleteTally(OperationMetrics metrics) {
        this.metrics = metrics;
    }

    /** Hibernate is about to delete {@code entity} in {@code session}. */
    public void started(SharedSessionContractImplementor session, Object entity) {
        pending(session).started.put(entity, System.nanoTime());
    }

    /** Hibernate has run (or batched) the soft delete of {@code entity}, of entity label {@code label}. */
    public void deleted(SharedSessionContractImplementor session, String label, Object entity) {
        Pending pending = pending(session);
        Long start = pending.started.remove(entity);
        pending.done.add(new Done(label, start == null ? 0 : System.nanoTime() - start));
    }

    /**
     * A bulk or native delete softened to an update changed {@code rows} active rows of entity
     * {@code label} in {@code session}: counted (not timed per row) when the transaction ends.
     */
    public void bulkDeleted(SharedSessionContractImplementor session, String label, int rows) {
        if (rows > 0) {
            pending(session).bulk.merge(label, (long) rows, Long::sum);
        }
    }

    private Pending pending(SharedSessionContractImplementor session) {
        Pending pending = bySession.get(session);
        if (pending == null) {
            pending = new Pending();
            bySession.put(session, pending);
            session.getTransactionCompletionCallbacks().registerCallback((success, s) -> complete(s, success));
        }
        return pending;
    }

    private void complete(SharedSessionContractImplementor session, boolean success) {
        Pending pending = bySession.remove(session);
        if (pending == null || pending.done.isEmpty() && pending.bulk.isEmpty()) {
            return;
        }
        String outcome = success ? "success" : "failure";
        Map<String, Long> rows = new LinkedHashMap<>(pending.bulk);
        for (Done done : pending.done) {
            rows.merge(done.label(), 1L, Long::sum);
            metrics.time(done.label(), OperationMetrics.DELETE, outcome, Duration.ofNanos(done.nanos()));
        }
        rows.forEach((label, n) -> metrics.count(label, OperationMetrics.DELETE, outcome, n));
    }

    private static final class Pending {
        final Map<Object, Long> started = new IdentityHashMap<>();
        final List<Done> done = new ArrayList<>();
        final Map<String, Long> bulk = new LinkedHashMap<>();
    }

    private record Done(String label, long nanos) {
    }
}
