package dev.softdelete.hibernate.internal.operation;

import dev.softdelete.core.ActorProvider;
import dev.softdelete.hibernate.delete.InvalidActorException;
import java.time.Clock;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * Gives every transaction of a session one {@link Operation}: all entities removed in it (a parent
 * and the children its cascade removes) share one instant and actor. The operation ends with the
 * transaction. The delete coordinator binds the operation of the session it deletes in.
 */
public final class OperationTracker {

    private final Map<SharedSessionContractImplementor, Operation> bySession =
            Collections.synchronizedMap(new WeakHashMap<>());
    private final Clock clock;
    private final ActorProvider actors;

    public OperationTracker(Clock clock, ActorProvider actors) {
        this.clock = clock;
        this.actors = actors;
    }

    /**
     * A new operation, stamped now, with the current actor.
     *
     * @throws InvalidActorException if the actor holds a NUL character (U+0000)
     */
    public Operation newOperation() {
        return new Operation(clock.instant(), checked(actors.currentActor()));
    }

    /** The actor as the provider gave it, refused when no character column could store it. */
    private static String checked(String actor) {
        if (actor != null && actor.indexOf('\u0000') >= 0) {
            throw new InvalidActorException("The ActorProvider returned an actor containing a NUL character"
                    + " (U+0000) at index " + actor.indexOf('\u0000') + "; deleted_by cannot store it. Nothing was"
                    + " deleted. Make the ActorProvider return a name without control character U+0000.");
        }
        return actor;
    }

    /** The session's operation (started on first use in a transaction). */
    public Operation enter(SharedSessionContractImplementor session) {
        Operation operation = bySession.get(session);
        if (operation == null) {
            operation = newOperation();
            bySession.put(session, operation);
            session.getTransactionCompletionCallbacks().registerCallback(
                    (success, s) -> bySession.remove(s));
        }
        return operation;
    }

}
