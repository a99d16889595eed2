/**
 * Non-destructive deprecation: rename a table, column, index, constraint (or, on PostgreSQL, an
 * enum type or sequence) to {@code {name}_deprecated_{YYYYMMDD}_{reason}} instead of dropping it,
 * after checking the catalog's dependencies and the usage evidence, with a validated backup, and
 * reversible in seconds. Entry point: {@code softDelete.deprecations()} ({@link Deprecations}).
 */
package dev.softdelete.core.deprecation;
