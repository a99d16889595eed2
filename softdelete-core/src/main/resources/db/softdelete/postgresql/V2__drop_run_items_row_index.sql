-- softdelete library schema, version 2.
-- Every query on run_items is scoped by run_id, which the primary key (run_id, table_name, row_key)
-- serves. The secondary (table_name, row_key) index was never used by the library, cost a B-tree
-- write per recorded row, and misled PostgreSQL's planner into filtering on run_id instead.
DROP INDEX IF EXISTS ${softdelete_prefix}run_items_row_ix;
