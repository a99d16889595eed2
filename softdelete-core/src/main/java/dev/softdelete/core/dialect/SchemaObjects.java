package dev.softdelete.core.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a database finds, describes and renames schema objects (deprecation): the catalog queries
 * differ per database ({@code pg_depend} on PostgreSQL, {@code information_schema} on MariaDB and
 * H2), so they live with the {@link Dialect} ({@link Dialect#schemaObjects()}). Every method takes
 * names as the catalog stores them, except {@link #find}, which resolves a name as written. Every
 * value reaches the database as a bind parameter; DDL quotes names with {@link Dialect#quote}.
 * Foreign keys, primary keys and plain indexes are read through JDBC metadata by the caller and
 * are not repeated here.
 */
public interface SchemaObjects {

    /**
     * {@code null} when objects of {@code type} can be renamed on this database, otherwise a
     * sentence saying why not and what to do instead.
     */
    String unsupported(SchemaObjectType type);

    /**
     * The stored name of the object named {@code name} (as written: folded like an unquoted name,
     * or exactly), in {@code table} (stored name) for columns, indexes and constraints.
     */
    Optional<String> find(Connection connection, SchemaObjectType type, String table, String name)
            throws SQLException;

    /**
     * Whether {@code name} is already used where an object of {@code type} would need it (on
     * PostgreSQL tables, indexes, sequences and views share one namespace), compared without
     * regard to case to stay on the safe side.
     */
    boolean nameTaken(Connection connection, SchemaObjectType type, String table, String name) throws SQLException;

    /** Views, triggers, generated columns, defaults, owned sequences and other objects that use the object. */
    List<SchemaDependency> dependencies(Connection connection, SchemaObjectType type, String table, String name)
            throws SQLException;

    /** The DDL that re-creates the object as it is now (best effort; for people and emergencies). */
    String definition(Connection connection, SchemaObjectType type, String table, String name) throws SQLException;

    /**
     * The database's own usage statistics for the object (PostgreSQL {@code pg_stat_user_tables},
     * {@code pg_stat_user_indexes}: scans since the last statistics reset), or empty where the
     * database keeps none.
     */
    default Map<String, Object> statistics(Connection connection, SchemaObjectType type, String table, String name)
            throws SQLException {
        return Map.of();
    }

    /** The DDL renaming the object {@code from} (stored name) to {@code to} (exact). */
    String rename(SchemaObjectType type, String table, String from, String to);
}
