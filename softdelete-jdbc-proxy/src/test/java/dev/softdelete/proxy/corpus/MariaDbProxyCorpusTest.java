package dev.softdelete.proxy.corpus;

import dev.softdelete.testing.TestDatabase;

class MariaDbProxyCorpusTest extends ProxyCorpusContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
