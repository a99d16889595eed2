package dev.softdelete.hibernate.internal.operation;

import dev.softdelete.core.ActorProvider;
import java.time.Clock;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * Gives every transaction of a session one {@link Operation}: all entities removed in it (a parent
 * and the children its cascade removes) share one instant and actor. The operation ends with the
 * transaction. The statement inspector reads the operation of the current thread, which is set
 * just before Hibernate prepares each delete.
 */
public final class OperationTracker {

    private static final ThreadLocal<Operation> CURRENT = new ThreadLocal<>();

    private final Map<SharedSessionContractImplementor, Operation> bySession =
            Collections.synchronizedMap(new WeakHashMap<>());
    private final Clock clock;
    private final ActorProvider actors;

    public OperationTracker(Clock clock, ActorProvider actors) {
        this.clock = clock;
        this.actors = actors;
    }

    /** A new operation, stamped now. */
    public Operation newOperation() {
        return new Operation(clock.instant(), actors.currentActor());
    }

    /** The session's operation (started on first use in a transaction); also made current for this thread. */
    public Operation enter(SharedSessionContractImplementor session) {
        Operation operation = bySession.get(session);
        if (operation == null) {
            operation = newOperation();
            bySession.put(session, operation);
            session.getTransactionCompletionCallbacks().registerCallback(
                    (success, s) -> bySession.remove(s));
        }
        CURRENT.set(operation);
        return operation;
    }

    /** The operation made current on this thread by {@link #enter}, or a new one. */
    public Operation currentOrNew() {
        Operation operation = CURRENT.get();
        return operation != null ? operation : newOperation();
    }
}
