package dev.softdelete.proxy.telemetry;

import dev.softdelete.core.dialect.DatabaseKind;

/**
 * The database's way to add a batch of accesses to {@code deprecated_usage} in one statement per
 * element, whether or not the row exists yet: counts add up, first access keeps the earliest,
 * last access the latest, the sample and caller the newest. Parameters, in order: element,
 * instance id, count, first access, last access, statement kind, confidence, sample SQL, caller.
 */
interface UsageUpsert {

    String sql(String table);

    static UsageUpsert of(DatabaseKind kind) {
        return switch (kind) {
            case POSTGRESQL -> new PostgresUsageUpsert();
            case MARIADB, MYSQL -> new MariaDbUsageUpsert();
            case H2 -> new H2UsageUpsert();
        };
    }
}
