package dev.softdelete.proxy.corpus;

import dev.softdelete.testing.TestDatabase;

class H2ProxyCorpusTest extends ProxyCorpusContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
