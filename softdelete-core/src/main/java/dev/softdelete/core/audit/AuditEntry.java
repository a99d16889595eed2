package dev.softdelete.core.audit;

import java.time.Instant;

/**
 * One line of the audit log: who did {@code action} to which target, how it ended.
 *
 * @param id         the entry's id, increasing
 * @param occurredAt when it happened
 * @param actor      who acted, from the {@code ActorProvider}
 * @param host       the instance that wrote the entry
 * @param action     what was done
 * @param targetType e.g. TABLE, RUN, DEPRECATION, ENTITY
 * @param targetName the target's name, e.g. a table
 * @param runId      the run the entry belongs to, or {@code null}
 * @param outcome    e.g. SUCCESS, FAILURE, REFUSED
 * @param details    free text or JSON; never secrets
 */
public record AuditEntry(Long id, Instant occurredAt, String actor, String host, String action, String targetType,
        String targetName, Long runId, String outcome, String details) {
}
