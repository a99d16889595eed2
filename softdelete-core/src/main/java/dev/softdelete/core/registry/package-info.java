/**
 * The run registry ({@code migration_runs}) shared by every kind of run: records, statuses,
 * leases and counts.
 */
package dev.softdelete.core.registry;
