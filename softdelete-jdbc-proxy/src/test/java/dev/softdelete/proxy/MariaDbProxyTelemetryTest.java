package dev.softdelete.proxy;

import dev.softdelete.testing.TestDatabase;

class MariaDbProxyTelemetryTest extends ProxyTelemetryContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
