package dev.softdelete.core.alert;

import java.time.Instant;
import java.util.Map;

/**
 * Something an operator should look at: a cleanup failure rate over its threshold, a queue that
 * stays long, access to a deprecated element after a quiet period.
 *
 * @param type       stable machine-readable kind, e.g. {@code cleanup.failure_rate}
 * @param severity   how urgent
 * @param subject    what it is about (a table, an element, a job type)
 * @param message    one readable sentence: what happened and what to do
 * @param raisedAt   when it was raised
 * @param attributes extra facts (counts, thresholds), for logs and notifications
 */
public record Alert(String type, Severity severity, String subject, String message, Instant raisedAt,
        Map<String, String> attributes) {

    /** Copies {@code attributes}. */
    public Alert {
        attributes = Map.copyOf(attributes);
    }

    /** How urgent an alert is. */
    public enum Severity {
        /** Worth knowing; no action needed now. */
        INFO,
        /** Needs a look soon. */
        WARNING,
        /** Needs action now; logged at ERROR by default. */
        CRITICAL
    }
}
