/**
 * The batched purge of an entity's rows deleted before a cutoff, children first. Internal: may
 * change in any release.
 */
package dev.softdelete.hibernate.internal.purge;
