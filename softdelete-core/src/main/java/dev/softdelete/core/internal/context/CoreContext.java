package dev.softdelete.core.internal.context;

import dev.softdelete.core.ActorProvider;
import dev.softdelete.core.audit.AuditLog;
import dev.softdelete.core.catalog.Catalog;
import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.jdbc.Jdbc;
import dev.softdelete.core.metrics.SoftDeleteMetrics;
import dev.softdelete.core.registry.RunRegistry;
import dev.softdelete.core.schema.LibrarySchema;
import dev.softdelete.core.table.SoftDeletableTables;
import java.time.Clock;

/**
 * The shared infrastructure every feature of core is built on, assembled once by the
 * {@code SoftDelete} builder and handed to each feature's constructor: features depend on this
 * narrow record, never on the facade (as db-scheduler's builder passes explicit dependencies to
 * its repository). Not part of the public API.
 *
 * @param dialect     the database's dialect
 * @param schema      names of the library's own tables
 * @param clock       every time the library writes
 * @param metrics     where meters go (no-op by default)
 * @param actors      who is acting
 * @param instanceId  this instance, in leases and audit
 * @param jdbc        JDBC helpers on the data source
 * @param catalog     the application schema's tables, keys and constraints
 * @param auditLog    the audit log
 * @param runRegistry the run registry
 * @param tables      the declared soft-deletable tables
 */
public record CoreContext(Dialect dialect, LibrarySchema schema, Clock clock, SoftDeleteMetrics metrics,
        ActorProvider actors, String instanceId, Jdbc jdbc, Catalog catalog, AuditLog auditLog,
        RunRegistry runRegistry, SoftDeletableTables tables) {
}
