package dev.softdelete.proxy.telemetry;

/** PostgreSQL: {@code INSERT ... ON CONFLICT DO UPDATE}. */
final class PostgresUsageUpsert implements UsageUpsert {

    @Override
    public String sql(String t) {
        return "INSERT INTO " + t + " (element, instance_id, access_count, first_access, last_access, statement_kind,"
                + " confidence, sample_sql, caller) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (element, instance_id) DO UPDATE SET"
                + " access_count = " + t + ".access_count + EXCLUDED.access_count,"
                + " first_access = LEAST(" + t + ".first_access, EXCLUDED.first_access),"
                + " last_access = GREATEST(" + t + ".last_access, EXCLUDED.last_access),"
                + " statement_kind = EXCLUDED.statement_kind, confidence = EXCLUDED.confidence,"
                + " sample_sql = EXCLUDED.sample_sql, caller = EXCLUDED.caller";
    }
}
