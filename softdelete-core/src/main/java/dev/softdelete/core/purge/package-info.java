/**
 * Retention purge and archival run on the caller's thread: policies, pretend mode, children-first
 * plans from the catalog, guarded batched deletes.
 */
package dev.softdelete.core.purge;
