package dev.softdelete.hibernate.listing;

import java.time.Instant;

/** One deleted row: its id, when and by whom it was deleted ({@code deletedBy} may be null). */
public record DeletedItem(Object id, Instant deletedAt, String deletedBy) {
}
