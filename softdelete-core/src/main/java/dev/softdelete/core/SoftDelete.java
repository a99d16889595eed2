package dev.softdelete.core;

import dev.softdelete.core.audit.AuditLog;
import dev.softdelete.core.catalog.Catalog;
import dev.softdelete.core.check.TableCheck;
import dev.softdelete.core.cleanup.Cleanup;
import dev.softdelete.core.deprecation.Deprecations;
import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.dialect.Dialects;
import dev.softdelete.core.internal.context.CoreContext;
import dev.softdelete.core.jdbc.Jdbc;
import dev.softdelete.core.jdbc.Timeouts;
import dev.softdelete.core.metrics.SoftDeleteMetrics;
import dev.softdelete.core.migration.FieldMigrations;
import dev.softdelete.core.purge.Purger;
import dev.softdelete.core.registry.RunRegistry;
import dev.softdelete.core.runs.Runs;
import dev.softdelete.core.schema.LibrarySchema;
import dev.softdelete.core.schema.SchemaInitializer;
import dev.softdelete.core.table.SoftDeletableTable;
import dev.softdelete.core.table.SoftDeletableTables;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The entry point of the core module: one per application and database.
 *
 * <pre>{@code
 * SoftDelete softDelete = SoftDelete.builder(dataSource)
 *         .tablePrefix("sd_")                       // library tables: sd_migration_runs, ...
 *         .metrics(MicrometerMetrics.of(registry)) // optional; no-op by default
 *         .build();                                 // detects the dialect, creates the schema
 * }</pre>
 *
 * Thread-safe and cheap to share; features hang off it ({@link #runRegistry()}, ...).
 */
public final class SoftDelete {

    private final DataSource dataSource;
    private final Dialect dialect;
    private final LibrarySchema schema;
    private final Clock clock;
    private final SoftDeleteMetrics metrics;
    private final ActorProvider actors;
    private final String instanceId;
    private final Jdbc jdbc;
    private final Catalog catalog;
    private final AuditLog auditLog;
    private final RunRegistry runRegistry;
    private final Runs runs;
    private final Purger purger;
    private final Cleanup cleanup;
    private final Deprecations deprecations;
    private final FieldMigrations fieldMigrations;
    private final SoftDeletableTables tables;
    private final TableCheck tableCheck;

    private SoftDelete(Builder b) {
        this.dataSource = b.dataSource;
        this.dialect = b.dialect != null ? b.dialect : Dialects.detect(b.dataSource);
        this.schema = new LibrarySchema(b.tablePrefix, dialect);
        this.clock = b.clock;
        this.metrics = b.metrics;
        this.actors = b.actors;
        this.instanceId = b.instanceId != null ? b.instanceId : defaultInstanceId();
        this.tables = new SoftDeletableTables();
        b.tables.forEach(tables::register);
        this.jdbc = new Jdbc(dataSource, dialect, new Timeouts(b.lockTimeout, b.statementTimeout));
        this.catalog = new Catalog(dataSource, dialect);
        this.auditLog = new AuditLog(jdbc, schema, clock, actors, instanceId);
        this.runRegistry = new RunRegistry(jdbc, schema, clock, actors, instanceId);
        CoreContext context = new CoreContext(dialect, schema, clock, metrics, actors, instanceId, jdbc, catalog,
                auditLog, runRegistry, tables);
        this.runs = new Runs(context, b.runApproval);
        this.purger = new Purger(context);
        this.cleanup = new Cleanup(context, purger);
        this.deprecations = new Deprecations(context);
        this.tableCheck = new TableCheck(context);
        this.fieldMigrations = new FieldMigrations(context, cleanup);
        if (b.initializeSchema) {
            schemaInitializer().initialize();
        }
    }

    /** Starts configuring the library for a data source. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /** Returns the data source the library works on. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The dialect in use (detected unless given). */
    public Dialect dialect() {
        return dialect;
    }

    /** Names of the library's own tables. */
    public LibrarySchema schema() {
        return schema;
    }

    /** Returns the clock every feature reads time from. */
    public Clock clock() {
        return clock;
    }

    /** Returns where metrics go (no-op unless configured). */
    public SoftDeleteMetrics metrics() {
        return metrics;
    }

    /** Returns who is acting, for audit, {@code deleted_by} and run operators. */
    public ActorProvider actors() {
        return actors;
    }

    /** Identifies this application instance in leases, usage telemetry and the audit log. */
    public String instanceId() {
        return instanceId;
    }

    /** JDBC helpers bound to this data source and dialect. */
    public Jdbc jdbc() {
        return jdbc;
    }

    /** The soft-deletable tables: marker, deleted-by and key column of each, shared by every module. */
    public SoftDeletableTables tables() {
        return tables;
    }

    /**
     * The setup check of the soft-deletable tables: columns and their types, indexes, unique keys,
     * active and deleted rows, size; and the gauges of its latest results.
     */
    public TableCheck tableCheck() {
        return tableCheck;
    }

    /** Tables, columns, keys and unique indexes of the current schema. */
    public Catalog catalog() {
        return catalog;
    }

    /** Returns the audit log ({@code audit_log}). */
    public AuditLog auditLog() {
        return auditLog;
    }

    /** The run registry ({@code migration_runs}). */
    public RunRegistry runRegistry() {
        return runRegistry;
    }

    /** Rule-based soft-delete runs: preview, batched apply, resume, undo. */
    public Runs runs() {
        return runs;
    }

    /** Retention purge and archival, synchronous (pretend, apply, archive retention). */
    public Purger purge() {
        return purger;
    }

    /** The cleanup job queue and its workers: background, multi-instance purge and archival. */
    public Cleanup cleanup() {
        return cleanup;
    }

    /**
     * Non-destructive deprecation: plan, apply (rename instead of drop, with backup), rollback,
     * status of tables, columns, indexes, constraints (and on PostgreSQL enum types and sequences).
     */
    public Deprecations deprecations() {
        return deprecations;
    }

    /**
     * Zero-downtime field migrations (rename, copy, denormalize a column): expand, dual write,
     * backfill on the cleanup queue, verify, read new, contract.
     */
    public FieldMigrations fieldMigrations() {
        return fieldMigrations;
    }

    /** The initializer for the library schema (run by {@link Builder#build()} unless disabled). */
    public SchemaInitializer schemaInitializer() {
        return new SchemaInitializer(dataSource, dialect, schema, clock, jdbc.timeouts());
    }

    private static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
    }

    /** Configuration with sensible defaults; only the data source is required. */
    public static final class Builder {
        private final DataSource dataSource;
        private Dialect dialect;
        private String tablePrefix = LibrarySchema.DEFAULT_PREFIX;
        private Clock clock = Clock.systemUTC();
        private SoftDeleteMetrics metrics = SoftDeleteMetrics.noop();
        private ActorProvider actors = ActorProvider.systemUser();
        private String instanceId;
        private boolean initializeSchema = true;
        private boolean runApproval;
        private java.time.Duration lockTimeout = Timeouts.defaults().lockWait();
        private java.time.Duration statementTimeout = Timeouts.defaults().statement();
        private final java.util.List<SoftDeletableTable> tables = new java.util.ArrayList<>();

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /** Overrides dialect detection. */
        public Builder dialect(Dialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /** Prefix of the library's tables; default {@code sd_}. May be empty. */
        public Builder tablePrefix(String tablePrefix) {
            this.tablePrefix = tablePrefix;
            return this;
        }

        /** The clock every feature reads time from; default system UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where metrics go; default no-op. */
        public Builder metrics(SoftDeleteMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /** Who is acting, for audit, {@code deleted_by} and run operators; default the OS user. */
        public Builder actorProvider(ActorProvider actors) {
            this.actors = Objects.requireNonNull(actors, "actors");
            return this;
        }

        /** Identifies this instance in leases and telemetry; default {@code host:pid}. */
        public Builder instanceId(String instanceId) {
            this.instanceId = instanceId;
            return this;
        }

        /** Declares a soft-deletable table whose columns differ from the defaults. */
        public Builder softDeletable(SoftDeletableTable table) {
            tables.add(Objects.requireNonNull(table, "table"));
            return this;
        }

        /**
         * How long any statement of the library may wait for a lock; default 5 s (MariaDB/MySQL
         * round up to whole seconds). A run or cleanup batch that runs out of it is retried with
         * backoff and counted ({@code reason=lock_timeout}); the host's connections keep their own
         * setting.
         */
        public Builder lockTimeout(java.time.Duration lockTimeout) {
            this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout");
            return this;
        }

        /** How long any statement of the library may run; default 60 s. */
        public Builder statementTimeout(java.time.Duration statementTimeout) {
            this.statementTimeout = Objects.requireNonNull(statementTimeout, "statementTimeout");
            return this;
        }

        /**
         * The two-person rule for runs: an apply or submit needs its preview approved by another
         * actor than the one who made it ({@code runs().approve(previewRunId)}, audited), else it is
         * refused with {@code RunApprovalException}; default false.
         */
        public Builder runApproval(boolean runApproval) {
            this.runApproval = runApproval;
            return this;
        }

        /** Whether {@link #build()} creates or upgrades the library schema; default true. */
        public Builder initializeSchema(boolean initializeSchema) {
            this.initializeSchema = initializeSchema;
            return this;
        }

        /** Builds the facade and, unless disabled, creates or upgrades the library schema. */
        public SoftDelete build() {
            return new SoftDelete(this);
        }
    }
}
