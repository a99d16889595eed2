package dev.softdelete.core.purge;

import dev.softdelete.testing.IsolatedDatabase;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Test tables under a prefix: {@code products} with soft-deletable children {@code assets} and
 * {@code attributes}, and {@code orders}, which references products but has no marker. Also SQL
 * for generating many rows server-side (never row by row from Java).
 */
public record Catalogue(IsolatedDatabase db, String prefix) {

    public String products() {
        return prefix + "products";
    }

    public String assets() {
        return prefix + "assets";
    }

    public String attributes() {
        return prefix + "attributes";
    }

    public String orders() {
        return prefix + "orders";
    }

    public static Catalogue create(IsolatedDatabase db, String prefix) {
        Catalogue c = new Catalogue(db, prefix);
        String ts = c.timestamp();
        db.execute("CREATE TABLE " + c.products() + " (id BIGINT PRIMARY KEY, sku VARCHAR(40) NOT NULL,"
                        + " price DECIMAL(12,2), photo " + c.binary() + ", updated_at " + ts + ", deleted_at " + ts + ")",
                "CREATE TABLE " + c.assets() + " (id BIGINT PRIMARY KEY, product_id BIGINT NOT NULL REFERENCES "
                        + c.products() + " (id), url VARCHAR(200), deleted_at " + ts + ")",
                "CREATE TABLE " + c.attributes() + " (id BIGINT PRIMARY KEY, product_id BIGINT NOT NULL REFERENCES "
                        + c.products() + " (id), attr_value VARCHAR(200), deleted_at " + ts + ")",
                "CREATE TABLE " + c.orders() + " (id BIGINT PRIMARY KEY, product_id BIGINT REFERENCES "
                        + c.products() + " (id), quantity INTEGER)");
        return c;
    }

    /** Inserts products {@code from..to} with the given marker (null = active). */
    public void products(long from, long to, Instant deletedAt) {
        db.execute("INSERT INTO " + products() + " (id, sku, price, photo, updated_at, deleted_at) SELECT n, "
                + concat("'SKU-'", "n") + ", n * 1.25, NULL, " + literal(Instant.parse("2026-01-02T03:04:05.123456Z"))
                + ", " + literal(deletedAt) + " FROM " + series(from, to));
    }

    /** One asset and one attribute per product {@code from..to} (ids = product id), with a marker. */
    public void children(long from, long to, Instant deletedAt) {
        assets(from, to, deletedAt);
        db.execute("INSERT INTO " + attributes() + " (id, product_id, attr_value, deleted_at) SELECT n, n, 'blue', "
                        + literal(deletedAt) + " FROM " + series(from, to));
    }

    /** One asset per product {@code from..to} (ids = product id), with a marker. */
    public void assets(long from, long to, Instant deletedAt) {
        db.execute("INSERT INTO " + assets() + " (id, product_id, url, deleted_at) SELECT n, n, "
                + concat("'https://cdn/'", "n") + ", " + literal(deletedAt) + " FROM " + series(from, to));
    }

    public long count(String table) {
        return db.queryLong("SELECT COUNT(*) FROM " + table);
    }

    public long count(String table, String where) {
        return db.queryLong("SELECT COUNT(*) FROM " + table + " WHERE " + where);
    }

    public String timestamp() {
        return db.database().localTimestampType();
    }

    String binary() {
        return db.database().binaryType(64);
    }

    /** A UTC timestamp literal for a column without zone, or NULL. */
    public static String literal(Instant instant) {
        return instant == null ? "NULL"
                : "TIMESTAMP '" + LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString().replace('T', ' ') + "'";
    }

    String concat(String a, String b) {
        return "CONCAT(" + a + ", " + b + ")";
    }

    /** A derived table with one column {@code n} holding {@code from..to}. */
    public String series(long from, long to) {
        return db.database().numberSeries(from, to);
    }
}
