package dev.softdelete.hibernate.listing;

import java.util.List;

/**
 * A page of deleted rows and the total matching the query's filters.
 *
 * @param entity the entity's label (simple class name)
 * @param items  the rows of this page, newest deletion first
 * @param total  rows matching the query's filters over all pages
 * @param page   this page's number, 0-based
 * @param size   the page size asked for
 */
public record DeletedItemsPage(String entity, List<DeletedItem> items, long total, int page, int size) {

    /** Copies {@code items}, so the page cannot change. */
    public DeletedItemsPage {
        items = List.copyOf(items);
    }

    /** Whether rows follow this page. */
    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
