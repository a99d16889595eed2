package dev.softdelete.hibernate.internal.listing;

import dev.softdelete.hibernate.internal.support.TableSql;
import dev.softdelete.hibernate.internal.support.TableSqlFactory;
import dev.softdelete.hibernate.listing.DeletedItem;
import dev.softdelete.hibernate.listing.DeletedItemsPage;
import dev.softdelete.hibernate.listing.DeletedItemsQuery;
import java.util.ArrayList;
import java.util.List;

/** Lists deleted rows of an entity, newest deletion first, without loading entities. */
public final class DeletedItems {

    private final TableSqlFactory tables;

    public DeletedItems(TableSqlFactory tables) {
        this.tables = tables;
    }

    public DeletedItemsPage list(TableSql table, DeletedItemsQuery query) {
        StringBuilder where = new StringBuilder(" WHERE ").append(table.marker()).append(" IS NOT NULL");
        List<Object> params = new ArrayList<>();
        if (query.deletedAfter() != null) {
            where.append(" AND ").append(table.marker()).append(" >= ?");
            params.add(table.at(query.deletedAfter()));
        }
        if (query.deletedBefore() != null) {
            where.append(" AND ").append(table.marker()).append(" < ?");
            params.add(table.at(query.deletedBefore()));
        }
        String by = table.mapping().table().deletedBy().map(tables.jdbc().dialect()::quote).orElse("NULL");
        var dialect = tables.jdbc().dialect();
        boolean zone = table.at(java.time.Instant.EPOCH).withTimeZone();
        return tables.jdbc().withConnection(c -> {
            long total = tables.jdbc().queryLong(c, "SELECT COUNT(*) FROM " + table.table() + where, params.toArray());
            List<Object> pageParams = new ArrayList<>(params);
            pageParams.add(query.size());
            pageParams.add((long) query.page() * query.size());
            List<DeletedItem> items = tables.jdbc().query(c, "SELECT " + table.id() + " AS sd_id, " + table.marker()
                    + " AS sd_at, " + by + " AS sd_by FROM " + table.table() + where + " ORDER BY " + table.marker()
                    + " DESC, " + table.id() + " LIMIT ? OFFSET ?",
                    rs -> new DeletedItem(rs.getObject("sd_id"), dialect.getInstant(rs, "sd_at", zone),
                            rs.getString("sd_by")), pageParams.toArray());
            return new DeletedItemsPage(table.mapping().label(), items, total, query.page(), query.size());
        });
    }
}
