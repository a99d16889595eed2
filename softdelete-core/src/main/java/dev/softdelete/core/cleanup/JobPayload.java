package dev.softdelete.core.cleanup;

import dev.softdelete.core.purge.KeyRange;
import dev.softdelete.core.purge.PurgeAction;
import dev.softdelete.core.purge.RetentionPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a worker on any instance needs to run a job, stored in the job row: the policy,
 * the cutoff fixed at enqueue time (so a late job never reaches further than planned) and the
 * key slice. Encoded as {@code key=value;...}; every value is an identifier, number, duration
 * or instant, so no escaping is needed.
 */
public record JobPayload(RetentionPolicy policy, Instant cutoff, KeyRange range) {

    public String encode() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("table", policy.table());
        m.put("action", policy.action().name());
        m.put("retention", policy.retention().toString());
        m.put("marker", policy.markerColumn());
        m.put("archiveTable", policy.archiveTable());
        m.put("archiveRetention", policy.archiveRetention().toString());
        m.put("batchSize", String.valueOf(policy.batchSize()));
        m.put("cutoff", cutoff.toString());
        if (range.from() != null) {
            m.put("from", range.from().toString());
        }
        if (range.to() != null) {
            m.put("to", range.to().toString());
        }
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> b.append(b.length() == 0 ? "" : ";").append(k).append('=').append(v));
        return b.toString();
    }

    public static JobPayload decode(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            m.put(part.substring(0, eq), part.substring(eq + 1));
        }
        RetentionPolicy policy = new RetentionPolicy(m.get("table"), PurgeAction.valueOf(m.get("action")),
                Duration.parse(m.get("retention")), m.get("marker"), m.get("archiveTable"),
                Duration.parse(m.get("archiveRetention")), Integer.parseInt(m.get("batchSize")));
        return new JobPayload(policy, Instant.parse(m.get("cutoff")), new KeyRange(
                m.containsKey("from") ? Long.valueOf(m.get("from")) : null,
                m.containsKey("to") ? Long.valueOf(m.get("to")) : null));
    }
}
