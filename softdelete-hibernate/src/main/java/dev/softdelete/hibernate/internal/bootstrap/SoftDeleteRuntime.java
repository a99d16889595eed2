package dev.softdelete.hibernate.internal.bootstrap;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.SoftDeleteException;
import dev.softdelete.core.catalog.Catalog;
import dev.softdelete.core.catalog.TableInfo;
import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.dialect.Dialects;
import dev.softdelete.core.dialect.Identifier;
import dev.softdelete.core.metrics.SoftDeleteMetrics;
import dev.softdelete.core.table.SoftDeletableTable;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.hibernate.delete.InvalidActorException;
import dev.softdelete.hibernate.internal.event.SoftDeleteListeners;
import dev.softdelete.hibernate.internal.mapping.EntityMapping;
import dev.softdelete.hibernate.internal.mapping.SoftDeleteMappings;
import dev.softdelete.hibernate.internal.mapping.ViewMarkers;
import dev.softdelete.hibernate.internal.operation.DeleteTally;
import dev.softdelete.hibernate.internal.operation.OperationMetrics;
import dev.softdelete.hibernate.internal.operation.OperationTracker;
import dev.softdelete.hibernate.internal.operation.SqlLiterals;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.jdbc.connections.spi.JdbcConnectionAccess;
import org.hibernate.service.ServiceRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything softdelete-hibernate keeps for one session factory: the mappings found at bootstrap,
 * the clock/actor/metrics of the core, listeners, the operation tracker and marker column types.
 * Created by {@link SoftDeleteServiceContributor} and stored in the Hibernate settings, where the
 * other bootstrap hooks and {@code HibernateSoftDelete.of(sessionFactory)} find it.
 */
public final class SoftDeleteRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(SoftDeleteRuntime.class);

    /** Internal settings key holding this object. */
    public static final String SETTING = "softdelete.runtime";

    private final Map<String, Object> settings;
    private final SoftDeleteMappings mappings = new SoftDeleteMappings();
    private final SoftDeleteListeners listeners = new SoftDeleteListeners();
    private final ViewMarkers markers = new ViewMarkers();
    private final Map<String, MarkerColumns> columns = new ConcurrentHashMap<>();
    private final Clock clock;
    private final SoftDeleteMetrics metrics;
    private final OperationTracker operations;
    private final DeleteTally deletes;
    private final ThreadLocal<String> softenedDelete = new ThreadLocal<>();
    private volatile SoftDelete core;
    private volatile SqlLiterals literals;
    private volatile Dialect dialect;
    private volatile JdbcConnectionAccess connections;

    SoftDeleteRuntime(Map<String, Object> settings) {
        this.settings = settings;
        Object configured = settings.get(SoftDeleteSettings.CORE);
        if (configured != null && !(configured instanceof SoftDelete)) {
            throw new SoftDeleteException("Setting " + SoftDeleteSettings.CORE + " must hold a "
                    + SoftDelete.class.getName() + " instance, got " + configured.getClass().getName() + ".");
        }
        this.core = (SoftDelete) configured;
        this.clock = core != null ? core.clock() : Clock.systemUTC();
        this.metrics = core != null ? core.metrics() : SoftDeleteMetrics.noop();
        this.operations = new OperationTracker(clock,
                core != null ? core.actors() : dev.softdelete.core.ActorProvider.systemUser());
        this.deletes = new DeleteTally(new OperationMetrics(metrics));
    }

    /** Deletes counted when their transaction ends: {@code remove()} and bulk deletes alike. */
    public DeleteTally deletes() {
        return deletes;
    }

    /**
     * The statement inspector turned a bulk or native delete of {@code entityLabel} into the soft
     * delete on this thread; the mutation executor that prepared it takes the note with its row count.
     */
    void softenedDelete(String entityLabel) {
        softenedDelete.set(entityLabel);
    }

    /** The entity of the delete softened on this thread since the last call, or null. */
    String takeSoftenedDelete() {
        String label = softenedDelete.get();
        if (label != null) {
            softenedDelete.remove();
        }
        return label;
    }

    /** The runtime stored in a service registry's settings, or {@code null}. */
    public static SoftDeleteRuntime from(ServiceRegistry registry) {
        Object runtime = registry.requireService(ConfigurationService.class).getSettings().get(SETTING);
        return runtime instanceof SoftDeleteRuntime r ? r : null;
    }

    public SoftDeleteMappings mappings() {
        return mappings;
    }

    /** The SQL of the default view and of the scope markers of this factory. */
    public ViewMarkers markers() {
        return markers;
    }

    public SoftDeleteListeners listeners() {
        return listeners;
    }

    public OperationTracker operations() {
        return operations;
    }

    public Clock clock() {
        return clock;
    }

    public SoftDeleteMetrics metrics() {
        return metrics;
    }

    /**
     * The core instance: the configured one, or one built on the session factory's
     * {@code DataSource} (without touching the library schema).
     */
    public SoftDelete core() {
        SoftDelete current = core;
        if (current == null) {
            synchronized (this) {
                if (core == null) {
                    SoftDelete built = SoftDelete.builder(dataSource()).clock(clock).initializeSchema(false).build();
                    registerTables(built);
                    core = built;
                }
                current = core;
            }
        }
        return current;
    }

    /**
     * Called by the integrator once the mappings are complete: declares every soft-deletable
     * entity's table to the configured core, so that runs, purge and the JDBC proxy treat it as
     * Hibernate does. A core built later on demand gets them when it is built.
     */
    void registerTables() {
        SoftDelete configured = core;
        if (configured != null) {
            registerTables(configured);
        }
    }

    private void registerTables(SoftDelete target) {
        for (EntityMapping mapping : mappings.all()) {
            SoftDeletableTable table = mapping.table();
            target.tables().find(table.table()).filter(declared -> !declared.equals(table)).ifPresent(declared ->
                    LOG.warn("Soft-deletable table {} was declared as {}; entity {} maps it as {}, which wins.",
                            table.table(), declared, mapping.entityName(), table));
            target.tables().register(table);
        }
    }

    /** Called by the integrator: how the session factory obtains connections outside a session. */
    void connectionAccess(JdbcConnectionAccess access) {
        this.connections = access;
    }

    /** Literal formatting for the database in use (the bulk-delete rewrite only). */
    public SqlLiterals literals() {
        SqlLiterals current = literals;
        if (current == null) {
            current = new SqlLiterals(dialect());
            literals = current;
        }
        return current;
    }

    /** The database's dialect (the core's, or detected once through the factory's connections). */
    public Dialect dialect() {
        Dialect current = dialect;
        return current != null ? current : withConnection(this::dialect);
    }

    /** Whether the entity's marker column carries a time zone (see {@link #columns}). */
    public boolean markerHasZone(EntityMapping mapping) {
        return columns(mapping).markerHasZone();
    }

    /**
     * What the catalog says about the entity's marker and deleted-by columns, read once through the
     * session factory's own connections (so that {@code remove()} needs no DataSource setting).
     */
    public MarkerColumns columns(EntityMapping mapping) {
        MarkerColumns known = columns.get(mapping.entityName());
        if (known != null) {
            return known;
        }
        MarkerColumns read = withConnection(c -> {
            // Only the connection-based lookup is used, so the catalog needs no DataSource.
            Catalog catalog = new Catalog(null, dialect(c));
            String name = mapping.table().table();
            TableInfo table = catalog.find(c, Identifier.of(name)).orElseThrow(() -> new SoftDeleteException(
                    "Table '" + name + "' of soft-deletable entity " + mapping.entityName()
                            + " does not exist in the current schema."));
            boolean zone = catalog.requireColumn(table, mapping.table().markerColumn()).hasTimeZone();
            int length = mapping.table().deletedBy().map(by -> catalog.requireColumn(table, by).size())
                    .filter(size -> size > 0).orElse(Integer.MAX_VALUE);
            return new MarkerColumns(zone, length);
        });
        columns.put(mapping.entityName(), read);
        return read;
    }

    /**
     * The actor, checked against the entity's {@code deleted_by} column before anything is written.
     *
     * @throws InvalidActorException if the actor is longer than the column (in characters)
     */
    public String actorFor(EntityMapping mapping, String actor) {
        if (actor == null || mapping.table().deletedBy().isEmpty()) {
            return actor;
        }
        int limit = columns(mapping).deletedByLength();
        if (actor.length() <= limit) {
            return actor; // never more code points than chars: no need to count them for each row
        }
        int length = actor.codePointCount(0, actor.length());
        if (length > limit) {
            throw new InvalidActorException("The ActorProvider returned an actor of " + length + " characters, but"
                    + " column " + mapping.table().table() + "." + mapping.table().deletedBy().orElseThrow()
                    + " of " + mapping.label() + " holds at most " + limit + ". Nothing was deleted and the actor was"
                    + " not truncated. Widen the column or make the ActorProvider return a shorter name.");
        }
        return actor;
    }

    /**
     * The catalog facts the soft-delete statement depends on.
     *
     * @param markerHasZone   whether the marker column carries a time zone
     * @param deletedByLength the deleted-by column's maximum length in characters (unbounded when
     *                        the entity has none or the catalog gives none)
     */
    public record MarkerColumns(boolean markerHasZone, int deletedByLength) {
    }

    private Dialect dialect(Connection connection) throws SQLException {
        Dialect current = dialect;
        if (current == null) {
            current = core != null ? core.dialect() : Dialects.detect(connection);
            dialect = current;
        }
        return current;
    }

    /** Work on a connection of the session factory (or of the core when there is no factory yet). */
    @FunctionalInterface
    private interface ConnectionWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    private <T> T withConnection(ConnectionWork<T> work) {
        JdbcConnectionAccess access = connections;
        try {
            if (access == null) {
                return core().jdbc().withConnection(work::apply);
            }
            Connection connection = access.obtainConnection();
            try {
                return work.apply(connection);
            } finally {
                access.releaseConnection(connection);
            }
        } catch (SQLException e) {
            throw new SoftDeleteException("Could not read the catalog for softdelete-hibernate: " + e.getMessage(), e);
        }
    }

    private DataSource dataSource() {
        for (String key : new String[] {AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, AvailableSettings.DATASOURCE}) {
            if (settings.get(key) instanceof DataSource ds) {
                return ds;
            }
        }
        throw new SoftDeleteException("softdelete-hibernate needs a DataSource for this operation: set the"
                + " Hibernate property '" + SoftDeleteSettings.CORE + "' to a SoftDelete instance (recommended),"
                + " or configure the session factory with a DataSource instance.");
    }
}
