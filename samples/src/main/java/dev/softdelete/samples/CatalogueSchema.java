package dev.softdelete.samples;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The demo's product catalogue: users, products, assets, product-asset links and product
 * attributes. Soft-deletable tables carry {@code deleted_at} (UTC) and {@code deleted_by}.
 */
final class CatalogueSchema {

    private CatalogueSchema() {
    }

    static void create(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200) NOT NULL,"
                    + " last_login_at TIMESTAMP(6), deleted_at TIMESTAMP(6), deleted_by VARCHAR(100))");
            s.execute("CREATE TABLE products (id BIGINT PRIMARY KEY, sku VARCHAR(40) NOT NULL,"
                    + " name VARCHAR(200) NOT NULL, owner_id BIGINT REFERENCES users (id),"
                    + " updated_at TIMESTAMP(6) NOT NULL, deleted_at TIMESTAMP(6), deleted_by VARCHAR(100))");
            s.execute("CREATE TABLE assets (id BIGINT PRIMARY KEY, url VARCHAR(400) NOT NULL,"
                    + " deleted_at TIMESTAMP(6), deleted_by VARCHAR(100))");
            s.execute("CREATE TABLE product_assets (id BIGINT PRIMARY KEY,"
                    + " product_id BIGINT NOT NULL REFERENCES products (id),"
                    + " asset_id BIGINT NOT NULL REFERENCES assets (id),"
                    + " deleted_at TIMESTAMP(6), deleted_by VARCHAR(100))");
            s.execute("CREATE TABLE product_attributes (id BIGINT PRIMARY KEY,"
                    + " product_id BIGINT NOT NULL REFERENCES products (id), attr_key VARCHAR(60) NOT NULL,"
                    + " attr_value VARCHAR(400), deleted_at TIMESTAMP(6), deleted_by VARCHAR(100))");
        }
    }
}
