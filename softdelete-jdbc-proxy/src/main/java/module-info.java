/**
 * The softdelete JDBC proxy: a {@code DataSource} wrapper recording access to deprecated
 * identifiers and soft-delete leaks. Exports the API packages only.
 */
module dev.softdelete.proxy {
    requires transitive dev.softdelete.core;
    requires net.sf.jsqlparser;
    requires org.slf4j;

    exports dev.softdelete.proxy;
    exports dev.softdelete.proxy.analysis;
    exports dev.softdelete.proxy.jdbc;
    exports dev.softdelete.proxy.leak;
    exports dev.softdelete.proxy.telemetry;
}
