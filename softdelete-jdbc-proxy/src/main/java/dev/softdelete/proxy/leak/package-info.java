/**
 * Soft-delete leak reports: places in the application whose SELECTs read soft-deletable tables
 * without a predicate on their marker column.
 */
package dev.softdelete.proxy.leak;
