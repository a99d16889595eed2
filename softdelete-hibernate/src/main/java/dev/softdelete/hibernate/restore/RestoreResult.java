package dev.softdelete.hibernate.restore;

import java.time.Instant;

/**
 * What a restore did.
 *
 * @param entity the entity restored
 * @param id its id
 * @param deletedAt the instant of the operation that had deleted it
 * @param restoredChildren children restored with it (deleted by that same operation)
 */
public record RestoreResult(String entity, Object id, Instant deletedAt, int restoredChildren) {
}
