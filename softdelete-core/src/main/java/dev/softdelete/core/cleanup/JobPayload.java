package dev.softdelete.core.cleanup;

import dev.softdelete.core.internal.Document;
import dev.softdelete.core.internal.Json;
import dev.softdelete.core.purge.KeyRange;
import dev.softdelete.core.purge.PurgeAction;
import dev.softdelete.core.purge.RetentionPolicy;
import java.time.Instant;

/**
 * Everything a worker on any instance needs to run a job, stored in the job row: the policy,
 * the cutoff fixed at enqueue time (so a late job never reaches further than planned) and the
 * key slice. Stored as a versioned JSON document: every value sits in its own field and is
 * validated again when read (the policy's constructor validates every name), so no value can
 * re-key the payload or smuggle in another table.
 *
 * @param policy the retention policy
 * @param cutoff rows whose marker is before it have expired
 * @param range  the slice of the policy table's keys
 */
public record JobPayload(RetentionPolicy policy, Instant cutoff, KeyRange range) {

    private static final String KIND = "cleanup-job";

    /** The payload as stored in the job row. */
    public String encode() {
        return Document.write(KIND, 1, Json.obj("table", policy.table(), "action", policy.action(),
                "retention", policy.retention(), "archiveTable", policy.archiveTable(),
                "archiveRetention", policy.archiveRetention(), "batchSize", policy.batchSize(), "cutoff", cutoff,
                "from", range.from(), "to", range.to()));
    }

    /** Reads a stored payload; refuses what this version cannot read. */
    public static JobPayload decode(String text) {
        Document d = Document.read(text, KIND, 1);
        RetentionPolicy policy = new RetentionPolicy(d.string("table"), d.enumValue("action", PurgeAction.class),
                d.duration("retention"), d.string("archiveTable"), d.duration("archiveRetention"),
                Math.toIntExact(d.number("batchSize")));
        return new JobPayload(policy, d.instant("cutoff"), new KeyRange(d.optionalNumber("from"), d.optionalNumber("to")));
    }
}
