/**
 * DDL helpers for schemas with soft-deletable tables: unique keys and lookup indexes that only
 * active rows must respect ({@link dev.softdelete.hibernate.ddl.ActiveUniqueKeys}), built for the
 * database through the core dialect's capabilities.
 */
package dev.softdelete.hibernate.ddl;
