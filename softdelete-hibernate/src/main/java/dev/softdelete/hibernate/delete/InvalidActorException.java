package dev.softdelete.hibernate.delete;

import dev.softdelete.core.SoftDeleteException;

/**
 * The {@code ActorProvider} returned an actor that cannot be stored as {@code deleted_by}: it holds
 * a NUL character (U+0000), which no character column stores, or it is longer than the entity's
 * {@code deleted_by} column. Nothing is written: the deletion is refused before any statement runs
 * with that actor.
 */
public class InvalidActorException extends SoftDeleteException {

    /**
     * @param message what is wrong with the actor, where it would have been stored, and what to do
     */
    public InvalidActorException(String message) {
        super(message);
    }
}
