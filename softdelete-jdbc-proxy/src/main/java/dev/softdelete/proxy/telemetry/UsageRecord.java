package dev.softdelete.proxy.telemetry;

import dev.softdelete.proxy.analysis.Confidence;
import dev.softdelete.proxy.analysis.StatementKind;
import java.time.Instant;

/**
 * Access to one watched element: how often, when first and last, and the latest statement and
 * application frame that touched it.
 *
 * @param element       {@code table.column} or {@code table}
 * @param accessCount   statements that touched it
 * @param firstAccess   earliest access
 * @param lastAccess    latest access
 * @param statementKind what the latest statement did
 * @param confidence    how sure the analysis of the latest statement was
 * @param sampleSql     the latest statement (cut to 4,000 characters)
 * @param caller        first application frame, e.g. {@code com.acme.Orders.load(Orders.java:42)}
 */
public record UsageRecord(String element, long accessCount, Instant firstAccess, Instant lastAccess,
        StatementKind statementKind, Confidence confidence, String sampleSql, String caller) {
}
