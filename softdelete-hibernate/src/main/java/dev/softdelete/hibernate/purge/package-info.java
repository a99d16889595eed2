/**
 * Purging an entity's rows deleted before a cutoff: the result per entity and the exception
 * refusing a cutoff in the future. Not to be confused with the core's retention purge
 * ({@code dev.softdelete.core.purge}), which works on tables.
 */
package dev.softdelete.hibernate.purge;
