package dev.softdelete.hibernate.listing;

import java.time.Instant;

/**
 * One deleted row: its id, when and by whom it was deleted ({@code deletedBy} may be null).
 *
 * @param id        the row's id
 * @param deletedAt when it was soft-deleted
 * @param deletedBy who deleted it, or {@code null} when unknown or not recorded
 */
public record DeletedItem(Object id, Instant deletedAt, String deletedBy) {
}
