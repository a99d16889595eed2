package dev.softdelete.proxy.telemetry;

import java.time.Instant;

/**
 * One row of {@code deprecated_usage}: one watched element's accesses from one application
 * instance, as flushed so far.
 *
 * @param element       {@code table.column} or {@code table}
 * @param instanceId    the instance that made the accesses
 * @param accessCount   statements that touched the element
 * @param firstAccess   earliest access
 * @param lastAccess    latest access
 * @param statementKind kind of the latest statement
 * @param caller        application frame of the latest statement
 */
public record StoredUsage(String element, String instanceId, long accessCount, Instant firstAccess,
        Instant lastAccess, String statementKind, String caller) {
}
