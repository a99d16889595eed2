/**
 * Listing deleted rows without loading entities: the query (page and time window) and the page
 * of {@link dev.softdelete.hibernate.listing.DeletedItem}s it returns.
 */
package dev.softdelete.hibernate.listing;
