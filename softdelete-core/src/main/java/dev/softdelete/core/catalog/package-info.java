/**
 * Read-only view of the application schema from JDBC metadata: tables, columns, keys, foreign
 * keys and unique constraints.
 */
package dev.softdelete.core.catalog;
