package dev.softdelete.samples;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.time.SettableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** What every step shares: the database, the library, a settable clock, the meter registry. */
record DemoContext(DataSource dataSource, SoftDelete softDelete, SettableClock clock,
        SimpleMeterRegistry meterRegistry, Narrator out) {

    /** Runs a query and prints its result as a table. */
    void show(String sql) throws SQLException {
        out.table(rows(sql));
    }

    /** A query's rows as strings, header first. */
    List<List<String>> rows(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<List<String>> rows = new ArrayList<>();
            List<String> header = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                header.add(meta.getColumnLabel(i).toLowerCase());
            }
            rows.add(header);
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(String.valueOf(rs.getObject(i)));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** A single number from a query. */
    long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
