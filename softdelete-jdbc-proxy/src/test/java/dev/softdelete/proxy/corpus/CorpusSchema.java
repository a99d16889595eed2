package dev.softdelete.proxy.corpus;

import dev.softdelete.testing.IsolatedDatabase;

/** The tables the corpus runs against, with a few rows (one user and one product soft deleted). */
public final class CorpusSchema {

    private CorpusSchema() {
    }

    public static void create(IsolatedDatabase db) {
        String json = db.database().jsonType();
        String ts = db.database().localTimestampType();
        db.execute("CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200), legacy_email VARCHAR(200),"
                        + " profile " + json + ", deleted_at " + ts + ")",
                "CREATE TABLE products (id BIGINT PRIMARY KEY, sku VARCHAR(40), name VARCHAR(200), owner_id BIGINT,"
                        + " price DECIMAL(10,2), old_price DECIMAL(10,2), deleted_at " + ts + ")",
                "CREATE TABLE legacy_orders (id BIGINT PRIMARY KEY, user_id BIGINT, total DECIMAL(10,2))",
                "CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT, product_id BIGINT, qty INT, note VARCHAR(200))",
                "INSERT INTO users (id, email, legacy_email, deleted_at) VALUES (1, 'a@example.com', 'a@old.example', NULL),"
                        + " (2, 'b@example.com', NULL, NULL), (3, 'c@example.com', 'c@old.example', TIMESTAMP '2026-01-01 00:00:00')",
                "INSERT INTO products (id, sku, name, owner_id, price, old_price, deleted_at) VALUES"
                        + " (1, 'S1', 'one', 1, 10.00, 12.00, NULL), (2, 'S2', 'two', 2, 20.00, NULL, NULL),"
                        + " (3, 'S3', 'three', 3, 30.00, 33.00, TIMESTAMP '2026-01-01 00:00:00')",
                "INSERT INTO legacy_orders (id, user_id, total) VALUES (1, 1, 5.00), (2, 2, 7.50)",
                "INSERT INTO orders (id, user_id, product_id, qty, note) VALUES (1, 1, 1, 2, 'first'), (2, 2, 3, 1, 'second')");
        String profile = db.database().jsonLiteral("{\"city\":\"Lisbon\",\"tags\":[1]}");
        db.execute("UPDATE users SET profile = " + profile + " WHERE id = 1");
    }
}
