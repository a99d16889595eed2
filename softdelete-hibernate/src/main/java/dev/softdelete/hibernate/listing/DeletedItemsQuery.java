package dev.softdelete.hibernate.listing;

import java.time.Instant;

/**
 * Which deleted rows to list: a page (0-based) of {@code size} rows, newest deletion first,
 * optionally only those deleted at or after {@code deletedAfter} and before {@code deletedBefore}.
 *
 * <pre>{@code DeletedItemsQuery.page(0, 20).deletedAfter(lastWeek)}</pre>
 *
 * @param page          the page number, 0-based
 * @param size          rows per page, 1..10,000
 * @param deletedAfter  only rows deleted at or after this instant; {@code null} for no lower bound
 * @param deletedBefore only rows deleted before this instant; {@code null} for no upper bound
 */
public record DeletedItemsQuery(int page, int size, Instant deletedAfter, Instant deletedBefore) {

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException when the page is negative, the size outside 1..10000, or
     *                                  {@code deletedAfter} is not before {@code deletedBefore}
     */
    public DeletedItemsQuery {
        if (page < 0 || size < 1 || size > 10_000) {
            throw new IllegalArgumentException("Page must be >= 0 and size between 1 and 10000, got page " + page
                    + " size " + size);
        }
        if (deletedAfter != null && deletedBefore != null && !deletedAfter.isBefore(deletedBefore)) {
            throw new IllegalArgumentException("deletedAfter (" + deletedAfter + ") must be before deletedBefore ("
                    + deletedBefore + ")");
        }
    }

    /** Page {@code page} (0-based) of {@code size} rows, without time filters. */
    public static DeletedItemsQuery page(int page, int size) {
        return new DeletedItemsQuery(page, size, null, null);
    }

    /** Only rows deleted at or after {@code instant}. */
    public DeletedItemsQuery deletedAfter(Instant instant) {
        return new DeletedItemsQuery(page, size, instant, deletedBefore);
    }

    /** Only rows deleted strictly before {@code instant}. */
    public DeletedItemsQuery deletedBefore(Instant instant) {
        return new DeletedItemsQuery(page, size, deletedAfter, instant);
    }
}
