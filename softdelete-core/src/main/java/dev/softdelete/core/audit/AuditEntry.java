package dev.softdelete.core.audit;

import java.time.Instant;

/**
 * One line of the audit log: who did {@code action} to which target, how it ended.
 *
 * @param targetType e.g. TABLE, RUN, DEPRECATION, ENTITY
 * @param outcome    e.g. SUCCESS, FAILURE, REFUSED
 * @param details    free text or JSON; never secrets
 */
public record AuditEntry(Long id, Instant occurredAt, String actor, String host, String action, String targetType,
        String targetName, Long runId, String outcome, String details) {
}
