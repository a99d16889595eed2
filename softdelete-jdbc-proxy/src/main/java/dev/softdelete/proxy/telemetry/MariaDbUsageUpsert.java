package dev.softdelete.proxy.telemetry;

/** MariaDB: {@code INSERT ... ON DUPLICATE KEY UPDATE}. */
final class MariaDbUsageUpsert implements UsageUpsert {

    @Override
    public String sql(String t) {
        // Each assignment reads only its own column, so their left-to-right evaluation is harmless.
        return "INSERT INTO " + t + " (element, instance_id, access_count, first_access, last_access, statement_kind,"
                + " confidence, sample_sql, caller) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE access_count = access_count + VALUES(access_count),"
                + " first_access = LEAST(first_access, VALUES(first_access)),"
                + " last_access = GREATEST(last_access, VALUES(last_access)),"
                + " statement_kind = VALUES(statement_kind), confidence = VALUES(confidence),"
                + " sample_sql = VALUES(sample_sql), caller = VALUES(caller)";
    }
}
