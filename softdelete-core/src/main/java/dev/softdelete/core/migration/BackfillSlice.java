package dev.softdelete.core.migration;

import dev.softdelete.core.internal.Document;
import dev.softdelete.core.internal.Json;

/**
 * The payload of one BACKFILL job: which migration, and the key range {@code (after, upTo]} of its
 * table the job fills. Stored as a versioned document.
 *
 * @param migrationId the migration
 * @param after       keys greater than this
 * @param upTo        and at most this
 */
record BackfillSlice(long migrationId, long after, long upTo) {

    private static final String KIND = "backfill-slice";
    private static final String CURSOR = "backfill-cursor";

    String encode() {
        return Document.write(KIND, 1, Json.obj("migration", migrationId, "after", after, "upTo", upTo));
    }

    static BackfillSlice decode(String text) {
        Document d = Document.read(text, KIND, 1);
        return new BackfillSlice(d.number("migration"), d.number("after"), d.number("upTo"));
    }

    /** A job's cursor: the last key done, whether the slice is finished, and the last batch size (or null). */
    record Cursor(long after, boolean finished, Integer batchSize) {
        String encode() {
            return Document.write(CURSOR, 1, Json.obj("after", after, "finished", finished, "batchSize", batchSize));
        }

        static Cursor decode(String text) {
            Document d = Document.read(text, CURSOR, 1);
            Long size = d.optionalNumber("batchSize");
            return new Cursor(d.number("after"), d.bool("finished"), size == null ? null : Math.toIntExact(size));
        }
    }
}
