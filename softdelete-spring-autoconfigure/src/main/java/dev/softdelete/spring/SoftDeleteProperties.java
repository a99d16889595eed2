package dev.softdelete.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings under {@code softdelete.*}. */
@ConfigurationProperties(prefix = "softdelete")
public class SoftDeleteProperties {

    /** Whether to configure softdelete at all. */
    private boolean enabled = true;

    /** Prefix of the library's own tables (sd_migration_runs, ...). May be empty. */
    private String tablePrefix = "sd_";

    /** Identifies this instance in leases, telemetry and the audit log; default host:pid. */
    private String instanceId;

    private final Schema schema = new Schema();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getTablePrefix() {
        return tablePrefix;
    }

    public void setTablePrefix(String tablePrefix) {
        this.tablePrefix = tablePrefix;
    }

    public String getInstanceId() {
        return instanceId;
    }

    public void setInstanceId(String instanceId) {
        this.instanceId = instanceId;
    }

    public Schema getSchema() {
        return schema;
    }

    /** Library schema management. */
    public static class Schema {

        /**
         * Create or upgrade the library tables at start-up. Turn off when Flyway or Liquibase apply
         * the scripts under classpath:db/softdelete/{h2,postgresql,mysql}.
         */
        private boolean initialize = true;

        public boolean isInitialize() {
            return initialize;
        }

        public void setInitialize(boolean initialize) {
            this.initialize = initialize;
        }
    }
}
