/**
 * Restores with the children of the same operation, after checking every unique key for an
 * active row holding the same values. Internal: may change in any release.
 */
package dev.softdelete.hibernate.internal.restore;
