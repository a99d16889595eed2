/**
 * softdelete core: plain JDBC, no ORM, no Spring. Exports the API packages only; Micrometer is
 * optional. {@code internal} packages are not exported.
 */
module dev.softdelete.core {
    requires transitive java.sql;
    requires java.management;
    requires org.slf4j;
    requires net.sf.jsqlparser;
    requires static micrometer.core;
    requires static micrometer.observation;
    requires static com.h2database;

    exports dev.softdelete.core;
    exports dev.softdelete.core.alert;
    exports dev.softdelete.core.audit;
    exports dev.softdelete.core.catalog;
    exports dev.softdelete.core.check;
    exports dev.softdelete.core.cleanup;
    exports dev.softdelete.core.deprecation;
    exports dev.softdelete.core.dialect;
    exports dev.softdelete.core.jdbc;
    exports dev.softdelete.core.logging;
    exports dev.softdelete.core.metrics;
    exports dev.softdelete.core.metrics.micrometer;
    exports dev.softdelete.core.migration;
    exports dev.softdelete.core.migration.internal to com.h2database;
    exports dev.softdelete.core.purge;
    exports dev.softdelete.core.registry;
    exports dev.softdelete.core.runs;
    exports dev.softdelete.core.runs.rule;
    exports dev.softdelete.core.schema;
    exports dev.softdelete.core.table;
    exports dev.softdelete.core.time;
}
