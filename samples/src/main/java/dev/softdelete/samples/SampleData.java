package dev.softdelete.samples;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import javax.sql.DataSource;

/** Seeds the catalogue: a few users, 20 products (half not updated for years), assets and attributes. */
final class SampleData {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 22, 9, 0);

    private SampleData() {
    }

    static void load(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (id, email, last_login_at) VALUES (?, ?, ?)")) {
                for (int i = 1; i <= 5; i++) {
                    ps.setLong(1, i);
                    ps.setString(2, "user" + i + "@example.com");
                    ps.setObject(3, NOW.minusDays(i * 100L));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO products (id, sku, name, owner_id, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= 20; i++) {
                    ps.setLong(1, i);
                    ps.setString(2, String.format("SKU-%03d", i));
                    ps.setString(3, "Product " + i);
                    ps.setLong(4, 1 + (i % 5));
                    // Even products were last touched three years ago, odd ones last month.
                    ps.setObject(5, i % 2 == 0 ? NOW.minusYears(3) : NOW.minusDays(30));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement asset = c.prepareStatement("INSERT INTO assets (id, url) VALUES (?, ?)");
                    PreparedStatement link = c.prepareStatement(
                            "INSERT INTO product_assets (id, product_id, asset_id) VALUES (?, ?, ?)");
                    PreparedStatement attr = c.prepareStatement(
                            "INSERT INTO product_attributes (id, product_id, attr_key, attr_value) VALUES (?, ?, ?, ?)")) {
                for (int i = 1; i <= 20; i++) {
                    asset.setLong(1, i);
                    asset.setString(2, "https://cdn.example.com/p" + i + ".jpg");
                    asset.addBatch();
                    link.setLong(1, i);
                    link.setLong(2, i);
                    link.setLong(3, i);
                    link.addBatch();
                    attr.setLong(1, i);
                    attr.setLong(2, i);
                    attr.setString(3, "colour");
                    attr.setString(4, i % 3 == 0 ? "red" : "blue");
                    attr.addBatch();
                }
                asset.executeBatch();
                link.executeBatch();
                attr.executeBatch();
            }
        }
    }
}
