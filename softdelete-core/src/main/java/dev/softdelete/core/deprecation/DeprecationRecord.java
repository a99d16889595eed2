package dev.softdelete.core.deprecation;

import dev.softdelete.core.dialect.SchemaObjectType;
import java.time.Instant;

/**
 * One row of the deprecation registry ({@code deprecations}).
 *
 * @param id              row id
 * @param type            what the element is
 * @param table           its table (for a table, enum type or sequence: its own name)
 * @param name            its original name (the registry always keeps it)
 * @param deprecatedName  its deprecated name, once planned by a run
 * @param reason          the reason code
 * @param state           PLANNED, APPLIED or ROLLED_BACK
 * @param watch           whether the JDBC proxy watches it (both names)
 * @param dependencyReport the dependencies found when it was renamed (JSON document)
 * @param backupRef       the backup table of a column's (key, value) pairs, or {@code null}
 * @param operator        who renamed it (or started watching it)
 * @param createdAt       when the row was written
 * @param renamedAt       when it was renamed, or {@code null}
 * @param rolledBackAt    when it was renamed back, or {@code null}
 * @param runId           the deprecation run that renamed it, or {@code null}
 * @param rollbackRunId   the run that renamed it back, or {@code null}
 * @param step            its place in that run
 * @param rowCount        rows counted in the backup, or {@code null}
 * @param checksum        their checksum, or {@code null}
 * @param definition      the DDL that re-creates it
 * @param accessesAtApply accesses recorded for it when it was renamed
 * @param justification   why a BLOCKED element was forced, or {@code null}
 */
public record DeprecationRecord(long id, SchemaObjectType type, String table, String name, String deprecatedName,
        String reason, DeprecationState state, boolean watch, String dependencyReport, String backupRef,
        String operator, Instant createdAt, Instant renamedAt, Instant rolledBackAt, Long runId, Long rollbackRunId,
        Integer step, Long rowCount, String checksum, String definition, Long accessesAtApply, String justification) {

    /** The element's original name as the proxy keys its usage: {@code table.column} or {@code table}. */
    public String usageKey() {
        return type == SchemaObjectType.COLUMN ? table + "." + name : name;
    }

    /** The deprecated name as the proxy keys its usage, or {@code null}. */
    public String deprecatedUsageKey() {
        return deprecatedName == null ? null : type == SchemaObjectType.COLUMN ? table + "." + deprecatedName
                : deprecatedName;
    }
}
