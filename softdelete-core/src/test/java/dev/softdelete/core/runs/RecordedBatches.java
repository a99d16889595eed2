package dev.softdelete.core.runs;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.internal.Json;
import dev.softdelete.core.schema.LibraryTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Reads what runs recorded in {@code run_batches}, for assertions. */
final class RecordedBatches {

    private RecordedBatches() {
    }

    /** Rows recorded by run {@code runId} (in records of {@code state}, or any state when null), every table. */
    static long rows(DataSource ds, SoftDelete sd, long runId, String state) {
        return RunsContract.queryLong(ds, "SELECT COALESCE(SUM(key_count), 0) FROM "
                + sd.schema().table(LibraryTable.RUN_BATCHES) + " WHERE run_id = " + runId
                + (state == null ? "" : " AND state = '" + state + "'"));
    }

    /** Rows recorded by run {@code runId} for one table (name compared without case). */
    static long rows(DataSource ds, SoftDelete sd, long runId, String table, String state) {
        return RunsContract.queryLong(ds, "SELECT COALESCE(SUM(key_count), 0) FROM "
                + sd.schema().table(LibraryTable.RUN_BATCHES) + " WHERE run_id = " + runId + " AND LOWER(table_name) = '"
                + table.toLowerCase(java.util.Locale.ROOT) + "'" + (state == null ? "" : " AND state = '" + state + "'"));
    }

    /** The number of keys in each record of run {@code runId}, every table, in batch order. */
    static List<Long> sizes(DataSource ds, SoftDelete sd, long runId) {
        List<Long> sizes = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT key_count FROM "
                + sd.schema().table(LibraryTable.RUN_BATCHES) + " WHERE run_id = ? ORDER BY batch_no")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sizes.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return sizes;
    }

    /** The keys run {@code runId} recorded for {@code table}, in batch order then recorded order, as text. */
    static List<String> keys(DataSource ds, SoftDelete sd, long runId, String table) {
        List<String> keys = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT row_keys, key_count,"
                + " first_key, last_key FROM " + sd.schema().table(LibraryTable.RUN_BATCHES) + " WHERE run_id = ?"
                + " AND LOWER(table_name) = ? ORDER BY batch_no")) {
            ps.setLong(1, runId);
            ps.setString(2, table.toLowerCase(java.util.Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> doc = (Map<String, Object>) Json.read(rs.getString(1));
                    if (!"run-keys".equals(doc.get("doc")) || !Long.valueOf(1).equals(doc.get("v"))) {
                        throw new IllegalStateException("not a run-keys document: " + rs.getString(1));
                    }
                    List<String> batch = ((List<?>) doc.get("keys")).stream().map(String::valueOf).toList();
                    if (batch.size() != rs.getInt(2) || !batch.get(0).equals(rs.getString(3))
                            || !batch.get(batch.size() - 1).equals(rs.getString(4))) {
                        throw new IllegalStateException("count, first or last key disagree with the keys: " + batch);
                    }
                    keys.addAll(batch);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return keys;
    }
}
