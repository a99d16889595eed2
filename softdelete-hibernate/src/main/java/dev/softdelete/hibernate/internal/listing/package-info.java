/**
 * The query behind listing deleted rows. Internal: may change in any release.
 */
package dev.softdelete.hibernate.internal.listing;
