/**
 * The one description of a soft-deletable table (key, marker, deleted-by) that every module
 * reads.
 */
package dev.softdelete.core.table;
