package dev.softdelete.core.dialect;

import dev.softdelete.core.SoftDeleteException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** Picks the {@link Dialect} for a database from its {@link DatabaseMetaData}. */
public final class Dialects {

    private Dialects() {
    }

    /** Opens one connection and detects the dialect. */
    public static Dialect detect(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return detect(connection);
        } catch (SQLException e) {
            // Not jdbc.DataAccessException: the jdbc package builds on this one, never the other way round.
            throw new SoftDeleteException("Could not open a connection to detect the database dialect ("
                    + e.getMessage() + "). Check the data source's URL and credentials.", e);
        }
    }

    /** Detects the dialect of an open connection (the connection is left open). */
    public static Dialect detect(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        return forProduct(meta.getDatabaseProductName(), meta.getDatabaseProductVersion());
    }

    /**
     * The dialect for a product name as JDBC drivers report it.
     *
     * @throws UnsupportedDatabaseException for anything but H2, PostgreSQL, MariaDB and MySQL
     */
    public static Dialect forProduct(String productName, String version) {
        String product = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        String v = version == null ? "" : version;
        if (product.contains("postgres")) {
            return new PostgresDialect(v);
        }
        if (product.contains("h2")) {
            return new H2Dialect(v);
        }
        if (product.contains("mariadb") || v.toLowerCase(Locale.ROOT).contains("mariadb")) {
            return new MariaDbDialect(DatabaseKind.MARIADB, v);
        }
        if (product.contains("mysql")) {
            return new MariaDbDialect(DatabaseKind.MYSQL, v);
        }
        throw new UnsupportedDatabaseException("Database '" + productName + " " + version
                + "' is not supported: softdelete works with H2, PostgreSQL, MariaDB and MySQL."
                + " Pass a Dialect explicitly if yours is compatible with one of them.");
    }
}
