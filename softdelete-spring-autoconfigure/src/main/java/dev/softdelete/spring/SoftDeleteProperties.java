package dev.softdelete.spring;

import java.time.Duration;
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

    private final Cleanup cleanup = new Cleanup();

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

    public Cleanup getCleanup() {
        return cleanup;
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

    /** The background cleanup (purge / archive) workers. */
    public static class Cleanup {

        /** Run cleanup workers in this instance. Off by default: background work is opt-in. */
        private boolean enabled = false;

        /** Workers in this instance (each claims its own jobs). */
        private int threads = 1;

        /** Rate limit per worker in rows per second; 0 means unlimited. */
        private double rowsPerSecond = 0;

        /** How long a claimed job's lease lasts without a heartbeat before another instance takes it over. */
        private Duration lease = Duration.ofSeconds(60);

        /** How often an idle worker polls the queue. */
        private Duration pollInterval = Duration.ofSeconds(10);

        /** How long shutdown waits for batches in progress. */
        private Duration shutdownTimeout = Duration.ofSeconds(30);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getThreads() {
            return threads;
        }

        public void setThreads(int threads) {
            this.threads = threads;
        }

        public double getRowsPerSecond() {
            return rowsPerSecond;
        }

        public void setRowsPerSecond(double rowsPerSecond) {
            this.rowsPerSecond = rowsPerSecond;
        }

        public Duration getLease() {
            return lease;
        }

        public void setLease(Duration lease) {
            this.lease = lease;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        public Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }
    }
}
