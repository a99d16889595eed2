package dev.softdelete.spring;

import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.dialect.Dialects;
import dev.softdelete.core.schema.LibrarySchema;
import dev.softdelete.core.schema.SchemaInitializer;
import dev.softdelete.core.schema.SchemaScript;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * The library's schema scripts ({@code classpath:db/softdelete/{h2|postgresql|mysql}}) applied by
 * Flyway in a history table of their own, {@code {prefix}flyway_history}: the application's own
 * migrations (its {@code V1__}, {@code V2__}, ... in {@code flyway_schema_history}) never meet the
 * library's versions. Enabled by {@code softdelete.schema.flyway.enabled=true}; replaces the
 * built-in initializer. A schema the built-in initializer created before is taken over: Flyway
 * records a baseline at the version found in {@code {prefix}schema_version} and applies only what
 * follows.
 */
public final class SoftDeleteFlywayMigration {

    private final Flyway flyway;
    private final String historyTable;
    private final String location;

    /**
     * A migration of the library's tables named with {@code prefix} on {@code dataSource}.
     *
     * @param dataSource the application's (raw) data source
     * @param prefix     the library's table prefix ({@code softdelete.table-prefix})
     */
    public SoftDeleteFlywayMigration(DataSource dataSource, String prefix) {
        Dialect dialect = Dialects.detect(dataSource);
        this.historyTable = prefix + "flyway_history";
        this.location = "classpath:db/softdelete/" + dialect.kind().scriptFolder();
        int builtIn = new SchemaInitializer(dataSource, dialect, new LibrarySchema(prefix, dialect), Clock.systemUTC())
                .currentVersion();
        this.flyway = Flyway.configure(SoftDeleteFlywayMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(location)
                .placeholders(Map.of(placeholderName(), prefix))
                .table(historyTable)
                // The schema usually holds the application's tables (and its own history) already.
                .baselineOnMigrate(true)
                .baselineVersion(String.valueOf(builtIn))
                .baselineDescription(builtIn == 0 ? "softdelete: no library tables yet"
                        : "softdelete: version " + builtIn + " from the built-in initializer")
                .load();
    }

    /** Applies the scripts not applied yet; returns how many were applied. */
    public int migrate() {
        return flyway.migrate().migrationsExecuted;
    }

    /** The highest library script version Flyway recorded (a baseline included), 0 when none. */
    public int currentVersion() {
        MigrationInfo current = flyway.info().current();
        return current == null || current.getVersion() == null ? 0 : Integer.parseInt(current.getVersion().getVersion());
    }

    /** The Flyway history table of the library's scripts, {@code {prefix}flyway_history}. */
    public String historyTable() {
        return historyTable;
    }

    /** Where the scripts are read from, e.g. {@code classpath:db/softdelete/postgresql}. */
    public String location() {
        return location;
    }

    private static String placeholderName() {
        // "${softdelete_prefix}" -> "softdelete_prefix"
        String p = SchemaScript.PREFIX_PLACEHOLDER;
        return p.substring(2, p.length() - 1);
    }
}
