/**
 * The library's own tables: their names under the configured prefix and the versioned per-
 * database scripts that create and upgrade them.
 */
package dev.softdelete.core.schema;
