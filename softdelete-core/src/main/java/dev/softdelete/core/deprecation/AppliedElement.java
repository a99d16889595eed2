package dev.softdelete.core.deprecation;

import dev.softdelete.core.dialect.SchemaObjectType;

/**
 * One element as a deprecation run renamed it (or, in a rollback, renamed it back).
 *
 * @param registryId its row in {@code deprecations}
 * @param step       its place in the run
 * @param type       what it is
 * @param table      its table (stored name), or {@code null}
 * @param name       its original name
 * @param newName    its deprecated name
 * @param backupRef  the backup table of a column's (key, value) pairs, or {@code null}
 * @param rowCount   rows counted in the backup (tables and columns), or {@code null}
 * @param checksum   the checksum of those rows, or {@code null}
 * @param definition the DDL that re-creates it as it was
 */
public record AppliedElement(long registryId, int step, SchemaObjectType type, String table, String name,
        String newName, String backupRef, Long rowCount, String checksum, String definition) {
}
