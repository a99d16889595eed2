package dev.softdelete.core.purge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.time.SettableClock;
import dev.softdelete.testing.DatabaseTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Purging tables keyed by UUID and binary columns removes exactly the expired rows, in batches
 * and when resumed from a stored cursor, on every database.
 */
public abstract class PurgeKeysContract extends DatabaseTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final Instant EXPIRED = NOW.minus(Duration.ofDays(40));
    static final Instant RECENT = NOW.minus(Duration.ofDays(10));

    @Test
    void purgesExactlyTheExpiredRowsOfAUuidKeyedTable() throws SQLException {
        check("pk_uuid", database().uuidType(), i -> i == 0 ? new UUID(0, 0)
                : UUID.nameUUIDFromBytes(("purge key " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void purgesExactlyTheExpiredRowsOfABinaryKeyedTable() throws SQLException {
        Random random = new Random(21);
        check("pk_binary", database().fixedBinaryType(16), i -> {
            byte[] key = new byte[16];
            if (i == 1) {
                java.util.Arrays.fill(key, (byte) 0xff);
            } else if (i > 1) {
                random.nextBytes(key);
            }
            return key;
        });
    }

    @Test
    void purgesExactlyTheExpiredRowsOfATextKeyedTableWithLongKeys() throws SQLException {
        check("pk_text", database().caseSensitiveTextType(400), i -> "p".repeat(255) + (i % 2 == 0 ? "A" : "a")
                + String.format("%044d", i));
    }

    /**
     * 30 rows: every third expired, every third deleted recently, the rest active. One purge in
     * batches of 4; then the same on a fresh copy, stopped after the first batch and resumed from
     * its encoded cursor.
     */
    private void check(String table, String keyType, IntFunction<Object> key) throws SQLException {
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            keys.add(key.apply(i));
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (i % 3 != 0) {
                kept.add(text(keys.get(i)));
            }
        }
        SoftDelete sd = softDelete(b -> b.clock(new SettableClock(NOW)));
        for (String name : List.of(table, table + "_r")) {
            create(name, keyType, keys);
        }
        PurgeResult result = sd.purge().apply(RetentionPolicy.purge(table).withBatchSize(4));
        assertThat(result.totalRemoved()).isEqualTo(10);
        assertThat(result.complete()).isTrue();
        assertThat(keys(table)).containsExactlyInAnyOrderElementsOf(kept);

        RetentionPolicy policy = RetentionPolicy.purge(table + "_r").withBatchSize(4);
        PurgePlan plan = sd.purge().plan(policy);
        Instant cutoff = policy.cutoff(NOW);
        long runId = sd.purge().startRun(plan, cutoff);
        AtomicReference<PurgeCursor> cursor = new AtomicReference<>();
        BatchHook stopAfterOne = new BatchHook() {
            @Override
            public boolean proceed(Batch batch) {
                cursor.set(batch.cursor());
                return false;
            }
        };
        PurgeResult first = sd.purge().apply(plan, cutoff, KeyRange.ALL, runId, PurgeCursor.START, stopAfterOne);
        assertThat(first.totalRemoved()).isEqualTo(4);
        PurgeCursor stored = PurgeCursor.decode(cursor.get().encode());
        PurgeResult rest = sd.purge().apply(plan, cutoff, KeyRange.ALL, runId, stored, BatchHook.NONE);
        assertThat(rest.totalRemoved()).isEqualTo(6);
        assertThat(keys(table + "_r")).containsExactlyInAnyOrderElementsOf(kept);
    }

    private void create(String table, String keyType, List<Object> keys) throws SQLException {
        String ts = database().localTimestampType();
        db.execute("CREATE TABLE " + table + " (id " + keyType + " PRIMARY KEY, deleted_at " + ts + ")");
        try (Connection c = dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (id, deleted_at) VALUES (?, ?)")) {
            for (int i = 0; i < keys.size(); i++) {
                ps.setObject(1, keys.get(i));
                Instant marker = i % 3 == 0 ? EXPIRED : i % 3 == 1 ? RECENT : null;
                ps.setObject(2, marker == null ? null : LocalDateTime.ofInstant(marker, ZoneOffset.UTC));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private List<String> keys(String table) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Connection c = dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id FROM " + table);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                keys.add(text(rs.getObject(1)));
            }
        }
        return keys;
    }

    private static String text(Object key) {
        return key instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(key);
    }
}
