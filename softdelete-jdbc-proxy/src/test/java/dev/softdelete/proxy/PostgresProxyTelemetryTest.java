package dev.softdelete.proxy;

import dev.softdelete.testing.TestDatabase;

class PostgresProxyTelemetryTest extends ProxyTelemetryContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
