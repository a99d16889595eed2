package dev.softdelete.proxy.corpus;

import dev.softdelete.testing.TestDatabase;

class PostgresProxyCorpusTest extends ProxyCorpusContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
