package dev.softdelete.hibernate.event;

import java.time.Instant;

/**
 * What a {@link SoftDeleteListener} sees: which row, when and by whom.
 *
 * @param entity simple name of the entity class
 * @param id the row's id
 * @param at the operation's instant (the marker written, cleared or purged)
 * @param actor who acted, or {@code null}
 */
public record SoftDeleteEvent(String entity, Object id, Instant at, String actor) {
}
