package dev.softdelete.spring.app;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** The application's native SQL, forgetting the deleted marker (a leak the proxy reports). */
@Component
public class WidgetQueries {

    private final DataSource dataSource;

    public WidgetQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every widget id, deleted ones included. */
    public List<Long> allIds() throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM widgets")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
