/**
 * Soft and hard deletes by id, with cascade children, without loading entities. Internal: may
 * change in any release.
 */
package dev.softdelete.hibernate.internal.delete;
