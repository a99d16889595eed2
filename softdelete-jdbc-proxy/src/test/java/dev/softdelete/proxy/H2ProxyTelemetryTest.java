package dev.softdelete.proxy;

import dev.softdelete.testing.TestDatabase;

class H2ProxyTelemetryTest extends ProxyTelemetryContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
