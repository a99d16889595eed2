package dev.softdelete.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private final Proxy proxy = new Proxy();

    private final Health health = new Health();

    private final Retention retention = new Retention();

    private final Tables tables = new Tables();

    private final Runs runs = new Runs();

    /** Returns whether to configure softdelete at all; default true. */
    public boolean isEnabled() {
        return enabled;
    }

    /** Sets whether to configure softdelete at all. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Returns the prefix of the library's own tables; default {@code sd_}. */
    public String getTablePrefix() {
        return tablePrefix;
    }

    /** Sets the prefix of the library's own tables; may be empty. */
    public void setTablePrefix(String tablePrefix) {
        this.tablePrefix = tablePrefix;
    }

    /** Returns the id of this instance in leases, telemetry and the audit log; {@code null} means host:pid. */
    public String getInstanceId() {
        return instanceId;
    }

    /** Sets the id of this instance; {@code null} or blank means host:pid. */
    public void setInstanceId(String instanceId) {
        this.instanceId = instanceId;
    }

    /** Returns the settings under {@code softdelete.schema.*}. */
    public Schema getSchema() {
        return schema;
    }

    /** Returns the settings under {@code softdelete.cleanup.*}. */
    public Cleanup getCleanup() {
        return cleanup;
    }

    /** Returns the settings under {@code softdelete.proxy.*}. */
    public Proxy getProxy() {
        return proxy;
    }

    /** Returns the settings under {@code softdelete.retention.*}. */
    public Retention getRetention() {
        return retention;
    }

    /** Returns the settings under {@code softdelete.health.*}. */
    public Health getHealth() {
        return health;
    }

    /** Returns the settings under {@code softdelete.runs.*}. */
    public Runs getRuns() {
        return runs;
    }

    /** Returns the settings under {@code softdelete.tables.*}. */
    public Tables getTables() {
        return tables;
    }

    /** Library schema management. */
    public static class Schema {

        /**
         * Create or upgrade the library tables at start-up (versions in {prefix}schema_version, apart
         * from any migration tool's history). Turn off when a tool of yours applies the scripts
         * under classpath:db/softdelete/{h2,postgresql,mysql}; ignored with softdelete.schema.flyway.enabled.
         */
        private boolean initialize = true;

        private final Flyway flyway = new Flyway();

        /** Returns the settings under {@code softdelete.schema.flyway.*}. */
        public Flyway getFlyway() {
            return flyway;
        }

        /** Returns whether the library tables are created or upgraded at start-up; default true. */
        public boolean isInitialize() {
            return initialize;
        }

        /** Sets whether the library tables are created or upgraded at start-up. */
        public void setInitialize(boolean initialize) {
            this.initialize = initialize;
        }
    }

    /** The library's scripts applied by Flyway, in a history table of their own. */
    public static class Flyway {

        /**
         * Let Flyway apply the library's scripts (classpath:db/softdelete/{h2,postgresql,mysql}) in
         * the history table {prefix}flyway_history, apart from the application's own migrations,
         * instead of the built-in initializer. Needs flyway-core (and Flyway's module for the database).
         */
        private boolean enabled = false;

        /** Returns whether Flyway applies the library's scripts; default false. */
        public boolean isEnabled() {
            return enabled;
        }

        /** Sets whether Flyway applies the library's scripts. */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
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

        /** Returns whether this instance runs cleanup workers; default false. */
        public boolean isEnabled() {
            return enabled;
        }

        /** Sets whether this instance runs cleanup workers. */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** Returns the number of workers in this instance; default 1. */
        public int getThreads() {
            return threads;
        }

        /** Sets the number of workers in this instance. */
        public void setThreads(int threads) {
            this.threads = threads;
        }

        /** Returns the rate limit per worker, in rows per second; default 0 (unlimited). */
        public double getRowsPerSecond() {
            return rowsPerSecond;
        }

        /** Sets the rate limit per worker, in rows per second; 0 means unlimited. */
        public void setRowsPerSecond(double rowsPerSecond) {
            this.rowsPerSecond = rowsPerSecond;
        }

        /** Returns how long a claimed job's lease lasts without a heartbeat; default 60 seconds. */
        public Duration getLease() {
            return lease;
        }

        /** Sets how long a claimed job's lease lasts without a heartbeat. */
        public void setLease(Duration lease) {
            this.lease = lease;
        }

        /** Returns how often an idle worker polls the queue; default 10 seconds. */
        public Duration getPollInterval() {
            return pollInterval;
        }

        /** Sets how often an idle worker polls the queue. */
        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        /** Returns how long shutdown waits for batches in progress; default 30 seconds. */
        public Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        /** Sets how long shutdown waits for batches in progress. */
        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }
    }

    /** The JDBC proxy around the application's data source (needs softdelete-jdbc-proxy). */
    public static class Proxy {

        /** Wrap the application's DataSource in a SoftDeleteProxy. Off by default. */
        private boolean enabled = false;

        /** Watched columns ({@code table.column}) or tables, besides those the deprecation registry marks. */
        private List<String> watch = new ArrayList<>();

        /** Soft-deletable tables checked for leaks (table name to marker column), besides softDelete.tables(). */
        private Map<String, String> softDeletable = new LinkedHashMap<>();

        /** Reject statements touching a deprecated element with an SQLException. */
        private boolean strict = false;

        /** Access after this long without access raises an alert. */
        private Duration quietPeriod = Duration.ofDays(1);

        /** The application's own packages (calling frames); default: the auto-configuration packages. */
        private List<String> applicationPackages = new ArrayList<>();

        /** Returns whether the data source is wrapped; default false. */
        public boolean isEnabled() {
            return enabled;
        }

        /** Sets whether the data source is wrapped. */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** Returns the watched columns ({@code table.column}) and tables; default none. */
        public List<String> getWatch() {
            return watch;
        }

        /** Sets the watched columns ({@code table.column}) and tables. */
        public void setWatch(List<String> watch) {
            this.watch = watch;
        }

        /** Returns the soft-deletable tables checked for leaks, table to marker column; default none. */
        public Map<String, String> getSoftDeletable() {
            return softDeletable;
        }

        /** Sets the soft-deletable tables checked for leaks, table to marker column. */
        public void setSoftDeletable(Map<String, String> softDeletable) {
            this.softDeletable = softDeletable;
        }

        /** Returns whether statements touching a deprecated element are rejected; default false. */
        public boolean isStrict() {
            return strict;
        }

        /** Sets whether statements touching a deprecated element are rejected. */
        public void setStrict(boolean strict) {
            this.strict = strict;
        }

        /** Returns the quiet period after which an access raises an alert; default 1 day. */
        public Duration getQuietPeriod() {
            return quietPeriod;
        }

        /** Sets the quiet period after which an access raises an alert. */
        public void setQuietPeriod(Duration quietPeriod) {
            this.quietPeriod = quietPeriod;
        }

        /** Returns the application's packages; empty means the auto-configuration packages. */
        public List<String> getApplicationPackages() {
            return applicationPackages;
        }

        /** Sets the application's packages. */
        public void setApplicationPackages(List<String> applicationPackages) {
            this.applicationPackages = applicationPackages;
        }
    }

    /** The health indicator (needs spring-boot-health). */
    public static class Health {

        /** Queued cleanup jobs above which the indicator reports OUT_OF_SERVICE. */
        private long queueThreshold = 1000;

        /** How many of the most recent runs are checked for an expired lease. */
        private int runsScanned = 100;

        /** Returns the queued cleanup jobs above which health is OUT_OF_SERVICE; default 1000. */
        public long getQueueThreshold() {
            return queueThreshold;
        }

        /** Sets the queued cleanup jobs above which health is OUT_OF_SERVICE. */
        public void setQueueThreshold(long queueThreshold) {
            this.queueThreshold = queueThreshold;
        }

        /** Returns how many of the most recent runs are checked for an expired lease; default 100. */
        public int getRunsScanned() {
            return runsScanned;
        }

        /** Sets how many of the most recent runs are checked for an expired lease. */
        public void setRunsScanned(int runsScanned) {
            this.runsScanned = runsScanned;
        }
    }

    /**
     * Retention policies enqueued on a schedule. Every instance runs the schedule; of all instances
     * reaching one tick exactly one enqueues (decided in the database). The jobs are then run by
     * the cleanup workers of any instance ({@code softdelete.cleanup.enabled=true}).
     */
    public static class Retention {

        /** Whether to enqueue the policies below on their schedules. */
        private boolean enabled = true;

        /** The policies. */
        private List<Policy> policies = new ArrayList<>();

        /** Returns whether the policies are enqueued on their schedules; default true. */
        public boolean isEnabled() {
            return enabled;
        }

        /** Sets whether the policies are enqueued on their schedules. */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** Returns the policies. */
        public List<Policy> getPolicies() {
            return policies;
        }

        /** Sets the policies. */
        public void setPolicies(List<Policy> policies) {
            this.policies = policies;
        }
    }

    /** One retention policy and its schedule. */
    public static class Policy {

        /** The soft-deletable table whose expired rows are purged or archived. */
        private String table;

        /** {@code purge} or {@code archive}. */
        private dev.softdelete.core.purge.PurgeAction action = dev.softdelete.core.purge.PurgeAction.PURGE;

        /** How long soft-deleted rows are kept; default 30 days. */
        private Duration retention;

        /** Where archived rows go; default {@code <table>_archive}. */
        private String archiveTable;

        /** How long archived rows are kept (used by archive-retention jobs); default 365 days. */
        private Duration archiveRetention;

        /** Rows per batch; default 1,000. */
        private Integer batchSize;

        /** Jobs per tick over equal key ranges, so several workers share one table; default 1. */
        private int slices = 1;

        /** Spring cron expression (second minute hour day month weekday); default 03:00 daily. */
        private String schedule = "0 0 3 * * *";

        /** Time zone of the cron expression; default UTC. */
        private java.time.ZoneId zone = java.time.ZoneOffset.UTC;

        /** Returns the table. */
        public String getTable() {
            return table;
        }

        /** Sets the table. */
        public void setTable(String table) {
            this.table = table;
        }

        /** Returns the action; default purge. */
        public dev.softdelete.core.purge.PurgeAction getAction() {
            return action;
        }

        /** Sets the action. */
        public void setAction(dev.softdelete.core.purge.PurgeAction action) {
            this.action = action;
        }

        /** Returns the retention, or null for the library default. */
        public Duration getRetention() {
            return retention;
        }

        /** Sets the retention. */
        public void setRetention(Duration retention) {
            this.retention = retention;
        }

        /** Returns the archive table, or null for the default. */
        public String getArchiveTable() {
            return archiveTable;
        }

        /** Sets the archive table. */
        public void setArchiveTable(String archiveTable) {
            this.archiveTable = archiveTable;
        }

        /** Returns the archive retention, or null for the default. */
        public Duration getArchiveRetention() {
            return archiveRetention;
        }

        /** Sets the archive retention. */
        public void setArchiveRetention(Duration archiveRetention) {
            this.archiveRetention = archiveRetention;
        }

        /** Returns the batch size, or null for the default. */
        public Integer getBatchSize() {
            return batchSize;
        }

        /** Sets the batch size. */
        public void setBatchSize(Integer batchSize) {
            this.batchSize = batchSize;
        }

        /** Returns the slices per tick; default 1. */
        public int getSlices() {
            return slices;
        }

        /** Sets the slices per tick. */
        public void setSlices(int slices) {
            this.slices = slices;
        }

        /** Returns the cron expression; default {@code 0 0 3 * * *}. */
        public String getSchedule() {
            return schedule;
        }

        /** Sets the cron expression. */
        public void setSchedule(String schedule) {
            this.schedule = schedule;
        }

        /** Returns the cron expression's time zone; default UTC. */
        public java.time.ZoneId getZone() {
            return zone;
        }

        /** Sets the cron expression's time zone. */
        public void setZone(java.time.ZoneId zone) {
            this.zone = zone;
        }
    }

    /** The setup check of the soft-deletable tables. */
    public static class Tables {

        /**
         * Run the setup check of every soft-deletable table (counting its rows) at start-up and then
         * this often, keeping the softdelete.table.* gauges current. Unset: only when asked (the
         * Actuator endpoint, softDelete.tableCheck()).
         */
        private Duration checkInterval;

        /** Returns how often the tables are checked; {@code null} (default) for only when asked. */
        public Duration getCheckInterval() {
            return checkInterval;
        }

        /** Sets how often the tables are checked; {@code null} for only when asked. */
        public void setCheckInterval(Duration checkInterval) {
            this.checkInterval = checkInterval;
        }
    }

    /** Background run workers in this instance. */
    public static class Runs {

        /** Workers applying background runs in this instance; 0 (default) runs none here. */
        private int workers = 0;

        /** Rows in a background run's first batch (the size then adapts to the target duration). */
        private int batchSize = dev.softdelete.core.runs.RunOptions.defaults().batchSize();

        /** How long one batch should take; the batch size adapts to it. 0: every batch has batch-size rows. */
        private Duration targetBatchDuration = dev.softdelete.core.runs.RunOptions.defaults().targetBatchDuration();

        /** Rate limit per worker in rows per second; 0 means unlimited. */
        private double rowsPerSecond = 0;

        /** Lease of a claimed key range; a dead worker's range is taken over once it expired. */
        private Duration lease = Duration.ofSeconds(15);

        /** How often an idle worker looks for ranges to claim. */
        private Duration pollInterval = Duration.ofSeconds(5);

        /**
         * Whether completing a background run also counts, in one scan of the target table, the
         * rows carrying the run's marker (rowsCarryingRunMarker in the run's verification).
         */
        private boolean markerScan = false;

        /** How long shutdown waits for batches in progress. */
        private Duration shutdownTimeout = Duration.ofSeconds(30);

        /** Returns the workers in this instance; default 0. */
        public int getWorkers() {
            return workers;
        }

        /** Sets the workers in this instance. */
        public void setWorkers(int workers) {
            this.workers = workers;
        }

        /** Returns the rows in the first batch (every batch's, when the target duration is 0). */
        public int getBatchSize() {
            return batchSize;
        }

        /** Sets the rows in the first batch. */
        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        /** Returns how long one batch should take; 0 for a fixed batch size. Default 500 ms. */
        public Duration getTargetBatchDuration() {
            return targetBatchDuration;
        }

        /** Sets how long one batch should take; 0 for a fixed batch size. */
        public void setTargetBatchDuration(Duration targetBatchDuration) {
            this.targetBatchDuration = targetBatchDuration;
        }

        /** Returns the rate limit per worker; 0 for none. */
        public double getRowsPerSecond() {
            return rowsPerSecond;
        }

        /** Sets the rate limit per worker. */
        public void setRowsPerSecond(double rowsPerSecond) {
            this.rowsPerSecond = rowsPerSecond;
        }

        /** Returns the lease of a claimed range; default 15 s. */
        public Duration getLease() {
            return lease;
        }

        /** Sets the lease of a claimed range. */
        public void setLease(Duration lease) {
            this.lease = lease;
        }

        /** Returns whether completing a background run scans for rows carrying its marker; default false. */
        public boolean isMarkerScan() {
            return markerScan;
        }

        /** Sets whether completing a background run scans for rows carrying its marker. */
        public void setMarkerScan(boolean markerScan) {
            this.markerScan = markerScan;
        }

        /** Returns how often an idle worker polls; default 5 s. */
        public Duration getPollInterval() {
            return pollInterval;
        }

        /** Sets how often an idle worker polls. */
        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        /** Returns how long shutdown waits; default 30 s. */
        public Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        /** Sets how long shutdown waits. */
        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }
    }
}
