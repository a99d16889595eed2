/**
 * The library's own SQL on one soft-deletable table (quoted names, marker reads and writes) and
 * references to single rows, shared by the delete, restore, purge and listing implementations.
 * Internal: may change in any release.
 */
package dev.softdelete.hibernate.internal.support;
