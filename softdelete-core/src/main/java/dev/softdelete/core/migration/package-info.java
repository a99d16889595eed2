/**
 * Zero-downtime field migrations (rename, copy, denormalize a column) while every application
 * instance keeps reading and writing: expand, dual write by library-managed triggers, a durable
 * backfill on the cleanup queue, verify, read new, contract. Entry point
 * {@code softDelete.fieldMigrations()}; see {@link dev.softdelete.core.migration.FieldMigrations}.
 */
package dev.softdelete.core.migration;
