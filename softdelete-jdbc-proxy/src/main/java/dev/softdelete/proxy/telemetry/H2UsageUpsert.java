package dev.softdelete.proxy.telemetry;

/** H2: {@code MERGE INTO ... USING (VALUES ...)} with typed parameters. */
final class H2UsageUpsert implements UsageUpsert {

    @Override
    public String sql(String t) {
        return "MERGE INTO " + t + " u USING (VALUES (CAST(? AS VARCHAR(400)), CAST(? AS VARCHAR(200)),"
                + " CAST(? AS BIGINT), CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE),"
                + " CAST(? AS VARCHAR(20)), CAST(? AS VARCHAR(20)), CAST(? AS VARCHAR(4000)), CAST(? AS VARCHAR(1000))))"
                + " AS s (element, instance_id, access_count, first_access, last_access, statement_kind, confidence,"
                + " sample_sql, caller)"
                + " ON u.element = s.element AND u.instance_id = s.instance_id"
                + " WHEN MATCHED THEN UPDATE SET access_count = u.access_count + s.access_count,"
                + " first_access = LEAST(u.first_access, s.first_access),"
                + " last_access = GREATEST(u.last_access, s.last_access),"
                + " statement_kind = s.statement_kind, confidence = s.confidence, sample_sql = s.sample_sql,"
                + " caller = s.caller"
                + " WHEN NOT MATCHED THEN INSERT (element, instance_id, access_count, first_access, last_access,"
                + " statement_kind, confidence, sample_sql, caller) VALUES (s.element, s.instance_id, s.access_count,"
                + " s.first_access, s.last_access, s.statement_kind, s.confidence, s.sample_sql, s.caller)";
    }
}
