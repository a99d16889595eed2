/**
 * The setup check of soft-deletable tables, what a deployment guide would otherwise ask operators
 * to verify by hand: per declared table, marker, deleted-by and key columns present with suitable
 * types, an index led by the marker, unique keys that only active rows must respect, active and
 * deleted row counts and the table's size. Entry point: {@code softDelete.tableCheck()}.
 */
package dev.softdelete.core.check;
