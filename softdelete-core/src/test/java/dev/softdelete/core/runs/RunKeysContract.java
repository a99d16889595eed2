package dev.softdelete.core.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.registry.RunStatus;
import dev.softdelete.core.runs.rule.Rule;
import dev.softdelete.core.runs.rule.RuleSet;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every key type runs promise (text of any length and case, UUID, binary) is recorded exactly in
 * run items and undone exactly, on every database. The library's tables are created under the
 * database's case-insensitive default collation where it has one, as on a production server.
 */
public abstract class RunKeysContract extends DatabaseTest {

    static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    static final LocalDateTime OLD = LocalDateTime.of(2019, 5, 1, 10, 0);

    @BeforeAll
    void caseInsensitiveDefaults() {
        db.useCaseInsensitiveDefaultCollation();
    }

    @Test
    void textKeysLongerThan255CharactersSharingAPrefixOrDifferingOnlyInCaseAreUndoneExactly() throws SQLException {
        String prefix = "k".repeat(255);
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            keys.add(prefix + "-" + "x".repeat(40) + String.format("%04d", i)); // 300 characters
        }
        keys.add("k".repeat(700)); // as long as a MariaDB primary key of utf8mb4 text may be
        keys.addAll(List.of("abc", "ABC", "Abc", "aBc", "straße", "STRASSE"));
        roundTrip("kt_text", database().caseSensitiveTextType(700), keys);
    }

    @Test
    void uuidKeysAreUndoneExactly() throws SQLException {
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            keys.add(UUID.nameUUIDFromBytes(("run key " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        keys.add(new UUID(0, 0));
        roundTrip("kt_uuid", database().uuidType(), keys);
    }

    @Test
    void binaryKeysAreUndoneExactly() throws SQLException {
        Random random = new Random(11);
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            byte[] key = new byte[16];
            random.nextBytes(key);
            keys.add(key);
        }
        keys.add(new byte[16]);
        byte[] high = new byte[16];
        java.util.Arrays.fill(high, (byte) 0xff);
        keys.add(high);
        roundTrip("kt_binary", database().fixedBinaryType(16), keys);
    }

    @Test
    void integerKeysIncludingNegativeOnesAreUndoneExactlyAndRecordedInKeyOrder() throws SQLException {
        List<Object> keys = new ArrayList<>(List.of(Long.MIN_VALUE + 1, -1_000_000L, -10L, -9L, -1L, 0L, 1L, 9L, 10L,
                99L, 100L, 1_000_000L, Long.MAX_VALUE));
        SoftDelete sd = roundTrip("kt_integer", "BIGINT", keys);
        // The records were written by SQL on databases that batch in one statement and by Java
        // elsewhere: both must hold the keys as numbers, batch after batch in key order.
        long runId = sd.runRegistry().list(dev.softdelete.core.registry.RunKind.SOFT_DELETE, 1).get(0).id();
        assertThat(RecordedBatches.keys(dataSource(), sd, runId, "kt_integer"))
                .containsExactlyElementsOf(keys.stream().map(String::valueOf).toList());
    }

    /**
     * Integer keys dense, then sparse, then two keys a batch apart: no batch holds more than the
     * batch size, and sparse keys still fill their batches. On PostgreSQL a range over integer keys
     * ends at the key {@code batchSize - 1} after its first one when that key exists, and at the
     * {@code batchSize}-th key otherwise: were sparse keys batched by arithmetic alone, each of the
     * ten would take a batch of its own.
     */
    @Test
    void integerKeysWithGapsAreBatchedByTheBatchSizeWhereverTheyLie() throws SQLException {
        List<Object> keys = new ArrayList<>();
        for (long id = 1; id <= 40; id++) {
            keys.add(id);
        }
        for (long id = 1_000; id <= 10_000; id += 1_000) {
            keys.add(id);
        }
        keys.addAll(List.of(20_000L, 20_004L));
        SoftDelete sd = roundTrip("kt_gaps", "BIGINT", keys);
        long runId = sd.runRegistry().list(dev.softdelete.core.registry.RunKind.SOFT_DELETE, 1).get(0).id();
        assertThat(RecordedBatches.keys(dataSource(), sd, runId, "kt_gaps"))
                .containsExactlyElementsOf(keys.stream().map(String::valueOf).toList());
        List<Long> sizes = RecordedBatches.sizes(dataSource(), sd, runId).stream().filter(n -> n > 0).toList();
        assertThat(java.util.Collections.max(sizes)).isEqualTo(5);
        assertThat(sizes).as("8 dense, 2 sparse, 1 for the last two").hasSizeLessThanOrEqualTo(11);
    }

    /**
     * Undo restores the recorded rows only: a row inside a batch's key range that the run did not
     * change but that carries the run's marker (someone wrote the same instant) stays deleted. On
     * PostgreSQL this is the case where the restore by key range and marker finds a row its record
     * lacks and redoes the batch with the recorded keys.
     */
    @Test
    void aRowCarryingTheRunsMarkerWithoutBeingRecordedIsNotRestored() throws SQLException {
        String ts = database().localTimestampType();
        db.execute("CREATE TABLE kt_stray (id BIGINT PRIMARY KEY, updated_at " + ts + ", deleted_at " + ts + ")");
        try (Connection c = dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO kt_stray (id, updated_at) VALUES (?, ?)")) {
            for (long id = 1; id <= 20; id++) {
                ps.setLong(1, id);
                ps.setObject(2, id == 7 ? LocalDateTime.ofInstant(NOW, ZoneOffset.UTC) : OLD); // 7: not a candidate
                ps.addBatch();
            }
            ps.executeBatch();
        }
        SoftDelete sd = softDelete(b -> b.clock(new SettableClock(NOW)));
        RuleSet rules = RuleSet.on("kt_stray").rule(Rule.olderThan("updated_at", Duration.ofDays(365))).build();
        RunReport applied = sd.runs().apply(sd.runs().preview(rules), RunOptions.defaults().withBatchSize(5));
        assertThat(applied.affected()).isEqualTo(19);
        try (Connection c = dataSource().getConnection()) {
            Object marker;
            try (PreparedStatement ps = c.prepareStatement("SELECT deleted_at FROM kt_stray WHERE id = 6");
                    ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                marker = rs.getObject(1);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE kt_stray SET deleted_at = ? WHERE id = 7")) {
                ps.setObject(1, marker);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }

        RunReport undone = sd.runs().undo(applied.runId(), RunOptions.defaults().withBatchSize(5));

        assertThat(undone.status()).as(undone.toJson()).isEqualTo(RunStatus.COMPLETED);
        assertThat(undone.affected()).isEqualTo(19);
        assertThat(keys("kt_stray", "deleted_at IS NOT NULL")).as("the row the run never changed").containsExactly("7");
    }

    /** Soft-deletes every row of a new table keyed by {@code keys} in small batches, then undoes it. */
    private SoftDelete roundTrip(String table, String keyType, List<Object> keys) throws SQLException {
        String ts = database().localTimestampType();
        db.execute("CREATE TABLE " + table + " (id " + keyType + " PRIMARY KEY, updated_at " + ts + ", deleted_at "
                + ts + ")");
        try (Connection c = dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (id, updated_at) VALUES (?, ?)")) {
            for (Object key : keys) {
                ps.setObject(1, key);
                ps.setObject(2, OLD);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        List<String> all = keys.stream().map(RunKeysContract::text).toList();
        SoftDelete sd = softDelete(b -> b.clock(new SettableClock(NOW)));
        RuleSet rules = RuleSet.on(table).rule(Rule.olderThan("updated_at", Duration.ofDays(365))).build();
        Preview preview = sd.runs().preview(rules);
        assertThat(preview.total()).isEqualTo(keys.size());
        assertThat(preview.sampleIds()).hasSize(10);

        RunReport applied = sd.runs().apply(preview, RunOptions.defaults().withBatchSize(5));
        assertThat(applied.status()).as(applied.toJson()).isEqualTo(RunStatus.COMPLETED);
        assertThat(applied.affected()).isEqualTo(keys.size());
        assertThat(applied.verification()).contains("\"consistent\":true");
        assertThat(keys(table, "deleted_at IS NOT NULL")).containsExactlyInAnyOrderElementsOf(all);
        assertThat(RecordedBatches.rows(dataSource(), sd, applied.runId(), null)).isEqualTo(keys.size());
        assertThat(RecordedBatches.keys(dataSource(), sd, applied.runId(), table)).containsExactlyInAnyOrderElementsOf(all);

        RunReport undone = sd.runs().undo(applied.runId(), RunOptions.defaults().withBatchSize(5));
        assertThat(undone.status()).as(undone.toJson()).isEqualTo(RunStatus.COMPLETED);
        assertThat(undone.affected()).isEqualTo(keys.size());
        assertThat(undone.skipped()).isZero();
        assertThat(undone.verification()).contains("\"consistent\":true");
        assertThat(keys(table, "deleted_at IS NOT NULL")).as("every row is back").isEmpty();
        assertThat(keys(table, "deleted_at IS NULL")).containsExactlyInAnyOrderElementsOf(all);
        return sd;
    }

    private List<String> keys(String table, String where) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Connection c = dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id FROM " + table + " WHERE " + where);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                keys.add(text(rs.getObject(1)));
            }
        }
        return keys;
    }

    static String text(Object key) {
        return key instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(key);
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
