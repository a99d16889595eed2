package dev.softdelete.proxy.internal.analysis;

import dev.softdelete.core.table.SoftDeletableTable;
import dev.softdelete.proxy.analysis.Confidence;
import dev.softdelete.proxy.analysis.StatementKind;
import dev.softdelete.proxy.analysis.WatchedElement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.WindowDefinition;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.comment.Comment;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.select.TableStatement;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.execute.Execute;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.statement.upsert.Upsert;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Finds the watched tables and columns a parsed statement touches, and the soft-deletable tables
 * it reads without a predicate on their deleted marker. Aliases resolve to their tables, CTE
 * names shadow tables, {@code SELECT *} and {@code t.*} give {@link Confidence#POSSIBLE} hits.
 * Unqualified columns resolve to the one table of the statement that has a watched column of
 * that name (the catalog is not consulted).
 */
final class AstAnalyzer {

    Analysis analyze(Statement statement, WatchList watch) {
        Collector collector = new Collector(watch);
        collector.getTables(statement);
        Set<String> tables = new HashSet<>();
        Map<String, String> aliases = new HashMap<>();
        for (Table t : collector.tables) {
            String name = watch.canonical(t.getName());
            if (t.getSchemaName() == null && collector.cteNames.contains(name)) {
                continue;
            }
            tables.add(name);
            aliases.put(name, name);
            if (t.getAlias() != null) {
                aliases.put(watch.canonical(t.getAlias().getName()), name);
            }
        }
        Map<WatchedElement, Hit> hits = new LinkedHashMap<>();
        for (String table : tables) {
            WatchedElement e = watch.table(table);
            if (e != null) {
                hits.put(e, new Hit(e, Confidence.EXACT));
            }
        }
        Set<String> wholeRow = new java.util.LinkedHashSet<>();
        for (String starTable : collector.starTables) {
            wholeRow.add(aliases.getOrDefault(starTable, starTable));
        }
        for (Column c : collector.columns) {
            WatchedElement e = resolve(c, watch, tables, aliases);
            if (e != null) {
                hits.put(e, new Hit(e, Confidence.EXACT));
            } else {
                String whole = wholeRowReference(c, watch, tables, aliases);
                if (whole != null) {
                    wholeRow.add(whole);
                }
            }
        }
        for (String table : wholeRow) {
            for (WatchedElement e : watch.columnsOf(table)) {
                Confidence confidence = watch.confirmedColumn(table, watch.canonical(e.column()));
                if (confidence != null) {
                    hits.putIfAbsent(e, new Hit(e, confidence));
                }
            }
        }
        List<Leak> leaks = statement instanceof Select || statement instanceof TableStatement
                ? new ArrayList<>(collector.leaks.values()) : List.of();
        return new Analysis(kindOf(statement), new ArrayList<>(hits.values()), leaks, true);
    }

    /**
     * The table an unqualified name refers to as a whole row ({@code SELECT t FROM users t},
     * {@code row_to_json(t)}): the name is an alias or table of the statement, and no table of the
     * statement is known to have a column of that name.
     */
    private static String wholeRowReference(Column c, WatchList watch, Set<String> tables, Map<String, String> aliases) {
        if (c.getTable() != null && c.getTable().getName() != null) {
            return null;
        }
        String name = watch.canonical(c.getColumnName());
        String table = aliases.get(name);
        if (table == null) {
            return null;
        }
        for (String t : tables) {
            if (Boolean.TRUE.equals(watch.hasColumn(t, name))) {
                return null;
            }
        }
        return table;
    }

    private static WatchedElement resolve(Column c, WatchList watch, Set<String> tables, Map<String, String> aliases) {
        String column = watch.canonical(c.getColumnName());
        Table qualifier = c.getTable();
        if (qualifier != null && qualifier.getName() != null) {
            String q = watch.canonical(qualifier.getName());
            return watch.column(aliases.getOrDefault(q, q), column);
        }
        WatchedElement found = null;
        for (String table : tables) {
            WatchedElement e = watch.column(table, column);
            if (e != null) {
                if (found != null) {
                    return found; // ambiguous between watched tables: report the first, it is watched either way
                }
                found = e;
            }
        }
        return found;
    }

    static StatementKind kindOf(Statement statement) {
        if (statement instanceof Select) {
            return StatementKind.SELECT;
        } else if (statement instanceof Insert || statement instanceof Upsert) {
            return StatementKind.INSERT;
        } else if (statement instanceof Update) {
            return StatementKind.UPDATE;
        } else if (statement instanceof Delete) {
            return StatementKind.DELETE;
        } else if (statement instanceof Merge) {
            return StatementKind.MERGE;
        } else if (statement instanceof Execute) {
            return StatementKind.CALL;
        } else if (statement instanceof TableStatement) {
            return StatementKind.SELECT;
        } else if (statement instanceof CreateTable || statement instanceof Alter || statement instanceof Drop
                || statement instanceof Truncate || statement instanceof CreateIndex || statement instanceof CreateView
                || statement instanceof Comment) {
            return StatementKind.DDL;
        }
        return StatementKind.OTHER;
    }

    /** Walks the whole statement (JSqlParser's table finder does the traversal) and records what we need. */
    private static final class Collector extends TablesNamesFinder<Void> {
        private final WatchList watch;
        final List<Table> tables = new ArrayList<>();
        final List<Column> columns = new ArrayList<>();
        final Set<String> cteNames = new HashSet<>();
        final List<String> starTables = new ArrayList<>();
        final Map<String, Leak> leaks = new LinkedHashMap<>();

        Collector(WatchList watch) {
            this.watch = watch;
        }

        @Override
        public <S> Void visit(Table table, S context) {
            tables.add(table);
            return super.visit(table, context);
        }

        @Override
        public <S> Void visit(Column column, S context) {
            columns.add(column);
            return null;
        }

        @Override
        public <S> Void visit(WithItem<?> withItem, S context) {
            if (withItem.getAlias() != null) {
                cteNames.add(watch.canonical(withItem.getAlias().getName()));
            }
            return super.visit(withItem, context);
        }

        @Override
        public <S> Void visit(Insert insert, S context) {
            addTargetColumns(insert.getColumns(), insert.getTable());
            if (insert.getColumns() == null && insert.getSetUpdateSets() == null) {
                wholeRow(insert.getTable()); // no column list: every column is written
            }
            returning(insert.getReturningClause(), insert.getTable());
            addSets(insert.getDuplicateUpdateSets(), insert.getTable());
            addSets(insert.getSetUpdateSets(), insert.getTable());
            if (insert.getConflictAction() != null) {
                addSets(insert.getConflictAction().getUpdateSets(), insert.getTable());
            }
            if (insert.getReturningClause() != null) {
                insert.getReturningClause().forEach(item -> item.getExpression().accept(this, context));
            }
            return super.visit(insert, context);
        }

        @Override
        public <S> Void visit(Upsert upsert, S context) {
            addTargetColumns(upsert.getColumns(), upsert.getTable());
            if (upsert.getColumns() == null && upsert.getUpdateSets() == null) {
                wholeRow(upsert.getTable());
            }
            addSets(upsert.getUpdateSets(), upsert.getTable());
            addSets(upsert.getDuplicateUpdateSets(), upsert.getTable());
            return super.visit(upsert, context);
        }

        @Override
        public <S> Void visit(Update update, S context) {
            returning(update.getReturningClause(), update.getTable());
            if (update.getReturningClause() != null) {
                update.getReturningClause().forEach(item -> item.getExpression().accept(this, context));
            }
            return super.visit(update, context);
        }

        @Override
        public <S> Void visit(Delete delete, S context) {
            returning(delete.getReturningClause(), delete.getTable());
            if (delete.getReturningClause() != null) {
                delete.getReturningClause().forEach(item -> item.getExpression().accept(this, context));
            }
            return super.visit(delete, context);
        }

        @Override
        public <S> Void visit(AllTableColumns star, S context) {
            starTables.add(watch.canonical(star.getTable().getName())); // t.* anywhere, also to_jsonb(t.*)
            return null;
        }

        /** {@code f(VARIADIC ARRAY[...])}: JSqlParser keeps the array as a keyword argument, which its finder skips. */
        @Override
        public <S> Void visit(Function function, S context) {
            if (function.getKeywordArguments() != null) {
                for (Function.KeywordArgument argument : function.getKeywordArguments()) {
                    if (argument.getExpression() != null) {
                        argument.getExpression().accept(this, context);
                    }
                }
            }
            return super.visit(function, context);
        }

        @Override
        public <S> Void visit(TableStatement table, S context) {
            wholeRow(table.getTable());
            findLeaks(List.of(table.getTable()), List.of()); // TABLE t reads every row, deleted ones too
            return super.visit(table, context);
        }

        @Override
        public <S> Void visit(CreateIndex index, S context) {
            if (index.getIndex() != null && index.getIndex().getColumns() != null) {
                for (var column : index.getIndex().getColumns()) {
                    if (column.getExpression() != null) {
                        qualify(ColumnFinder.columnsOf(column.getExpression()), index.getTable()); // lower(col)
                    } else {
                        columns.add(new Column(index.getTable(), column.getColumnName()));
                    }
                }
            }
            if (index.getTable() != null) {
                tables.add(index.getTable());
            }
            return null;
        }

        @Override
        public <S> Void visit(CreateTable create, S context) {
            List<String> options = create.getTableOptionsStrings();
            if (options != null) {
                for (int i = 0; i < options.size(); i++) {
                    if (options.get(i).equalsIgnoreCase("INHERITS")) {
                        for (int j = i + 1; j < options.size() && !options.get(j).equals(")"); j++) {
                            for (String name : options.get(j).split("[(),\\s]+")) {
                                if (!name.isEmpty()) {
                                    Table parent = new Table(name);
                                    tables.add(parent);
                                    wholeRow(parent); // the child gets every column of the parent
                                }
                            }
                        }
                    }
                }
            }
            if (create.getLikeTable() != null) {
                tables.add(create.getLikeTable());
                wholeRow(create.getLikeTable());
            }
            if (create.getIndexes() != null) {
                for (var index : create.getIndexes()) {
                    if (index.getColumnsNames() != null) {
                        index.getColumnsNames().forEach(c -> columns.add(new Column(create.getTable(), c)));
                    }
                    if (index instanceof ForeignKeyIndex fk && fk.getTable() != null) {
                        tables.add(fk.getTable());
                        if (fk.getReferencedColumnNames() != null) {
                            fk.getReferencedColumnNames().forEach(c -> columns.add(new Column(fk.getTable(), c)));
                        }
                    }
                    if (index instanceof CheckConstraint check && check.getExpression() != null) {
                        qualify(ColumnFinder.columnsOf(check.getExpression()), create.getTable());
                    }
                }
            }
            return super.visit(create, context);
        }

        @Override
        public <S> Void visit(Alter alter, S context) {
            Table target = alter.getTable();
            if (target != null) {
                tables.add(target);
            }
            if (alter.getAlterExpressions() != null) {
                for (AlterExpression e : alter.getAlterExpressions()) {
                    List<String> names = new ArrayList<>();
                    addAll(names, e.getColumnName(), e.getColumnOldName(), e.getColOldName());
                    addAll(names, e.getPkColumns());
                    addAll(names, e.getUkColumns());
                    addAll(names, e.getFkColumns());
                    if (e.getColumnSetDefaultList() != null) {
                        e.getColumnSetDefaultList().forEach(d -> names.add(d.getColumnName()));
                    }
                    if (e.getColumnDropDefaultList() != null) {
                        e.getColumnDropDefaultList().forEach(d -> names.add(d.getColumnName()));
                    }
                    if (e.getColumnSetNotNullList() != null) {
                        e.getColumnSetNotNullList().forEach(d -> names.add(d.getColumnName()));
                    }
                    if (e.getColumnDropNotNullList() != null) {
                        e.getColumnDropNotNullList().forEach(d -> names.add(d.getColumnName()));
                    }
                    if (e.getColumnSetVisibilityList() != null) {
                        e.getColumnSetVisibilityList().forEach(d -> names.add(d.getColumnName()));
                    }
                    if (e.getColDataTypeList() != null) {
                        e.getColDataTypeList().forEach(d -> names.add(d.getColumnName()));
                    }
                    if (e.getIndex() != null) {
                        addAll(names, e.getIndex().getColumnsNames());
                        if (e.getIndex() instanceof CheckConstraint check && check.getExpression() != null) {
                            qualify(ColumnFinder.columnsOf(check.getExpression()), target);
                        }
                        if (e.getIndex() instanceof ForeignKeyIndex fk && fk.getTable() != null) {
                            tables.add(fk.getTable());
                            if (fk.getReferencedColumnNames() != null) {
                                fk.getReferencedColumnNames().forEach(c -> columns.add(new Column(fk.getTable(), c)));
                            }
                        }
                    }
                    if (e.getFkSourceTable() != null) {
                        Table source = new Table(e.getFkSourceTable());
                        tables.add(source);
                        if (e.getFkSourceColumns() != null) {
                            e.getFkSourceColumns().forEach(c -> columns.add(new Column(source, c)));
                        }
                    }
                    for (String n : names) {
                        if (n != null) {
                            columns.add(new Column(target, n));
                        }
                    }
                }
            }
            return null;
        }

        @Override
        public <S> Void visit(Comment comment, S context) {
            if (comment.getColumn() != null) {
                Column c = comment.getColumn();
                if (c.getTable() != null) {
                    tables.add(c.getTable());
                }
                columns.add(c);
            }
            if (comment.getTable() != null) {
                tables.add(comment.getTable());
            }
            return null;
        }

        private static void addAll(List<String> out, String... names) {
            for (String n : names) {
                if (n != null) {
                    out.add(n);
                }
            }
        }

        private static void addAll(List<String> out, List<String> names) {
            if (names != null) {
                out.addAll(names);
            }
        }

        private void qualify(List<Column> found, Table target) {
            found.forEach(c -> columns.add(qualified(c, target)));
        }

        private void wholeRow(Table table) {
            if (table != null && table.getName() != null) {
                starTables.add(watch.canonical(table.getName()));
            }
        }

        /** {@code RETURNING *} returns the whole row of the target. */
        private void returning(List<SelectItem<?>> items, Table target) {
            if (items != null) {
                for (SelectItem<?> item : items) {
                    if (item.getExpression() instanceof AllColumns && !(item.getExpression() instanceof AllTableColumns)) {
                        wholeRow(target);
                    }
                }
            }
        }

        @Override
        public <S> Void visit(PlainSelect select, S context) {
            List<Table> scope = new ArrayList<>();
            addScope(scope, select.getFromItem());
            List<Expression> predicates = new ArrayList<>();
            if (select.getWhere() != null) {
                predicates.add(select.getWhere());
            }
            if (select.getJoins() != null) {
                for (Join join : select.getJoins()) {
                    addScope(scope, join.getRightItem());
                    predicates.addAll(join.getOnExpressions());
                }
            }
            if (select.getSelectItems() != null) {
                for (SelectItem<?> item : select.getSelectItems()) {
                    if (item.getExpression() instanceof AllColumns && !(item.getExpression() instanceof AllTableColumns)) {
                        scope.forEach(t -> starTables.add(watch.canonical(t.getName())));
                    }
                }
            }
            findLeaks(scope, predicates);
            // The table finder does not look into ORDER BY, GROUP BY or WINDOW clauses.
            orderBy(select.getOrderByElements(), context);
            if (select.getGroupBy() != null && select.getGroupBy().getGroupByExpressionList() != null) {
                select.getGroupBy().getGroupByExpressionList().accept(this, context);
            }
            if (select.getWindowDefinitions() != null) {
                select.getWindowDefinitions().forEach(w -> window(w, context));
            }
            return super.visit(select, context);
        }

        @Override
        public <S> Void visit(AnalyticExpression analytic, S context) {
            if (analytic.getExpression() != null) {
                analytic.getExpression().accept(this, context);
            }
            if (analytic.getPartitionExpressionList() != null) {
                analytic.getPartitionExpressionList().accept(this, context);
            }
            orderBy(analytic.getOrderByElements(), context);
            if (analytic.getWindowDefinition() != null) {
                window(analytic.getWindowDefinition(), context);
            }
            return super.visit(analytic, context);
        }

        private <S> void window(WindowDefinition window, S context) {
            if (window.getPartitionExpressionList() != null) {
                window.getPartitionExpressionList().accept(this, context);
            }
            orderBy(window.getOrderByElements(), context);
        }

        private <S> void orderBy(List<OrderByElement> elements, S context) {
            if (elements != null) {
                elements.forEach(e -> e.getExpression().accept(this, context));
            }
        }

        private void findLeaks(List<Table> scope, List<Expression> predicates) {
            List<Column> predicateColumns = null;
            for (Table t : scope) {
                SoftDeletableTable soft = watch.softDeletable(watch.canonical(t.getName()));
                if (soft == null || (t.getSchemaName() == null && cteNames.contains(watch.canonical(t.getName())))) {
                    continue;
                }
                if (predicateColumns == null) {
                    predicateColumns = new ArrayList<>();
                    for (Expression e : predicates) {
                        predicateColumns.addAll(ColumnFinder.outerColumnsOf(e, watch));
                    }
                }
                if (!guarded(t, soft, predicateColumns)) {
                    leaks.putIfAbsent(soft.table(), new Leak(soft.table(), Confidence.EXACT)); // once per statement
                }
            }
        }

        private boolean guarded(Table t, SoftDeletableTable soft, Collection<Column> predicateColumns) {
            String marker = watch.canonical(soft.markerColumn());
            String name = watch.canonical(t.getName());
            String alias = t.getAlias() == null ? null : watch.canonical(t.getAlias().getName());
            for (Column c : predicateColumns) {
                if (!watch.canonical(c.getColumnName()).equals(marker)) {
                    continue;
                }
                if (c.getTable() == null || c.getTable().getName() == null) {
                    return true;
                }
                String q = watch.canonical(c.getTable().getName());
                if (q.equals(alias) || (alias == null && q.equals(name))) {
                    return true;
                }
            }
            return false;
        }

        private static void addScope(List<Table> scope, FromItem item) {
            if (item instanceof Table table) {
                scope.add(table);
            }
        }

        private void addSets(List<UpdateSet> sets, Table target) {
            if (sets != null) {
                for (UpdateSet set : sets) {
                    addTargetColumns(set.getColumns(), target);
                    set.getValues().accept(this, null);
                }
            }
        }

        private void addTargetColumns(List<Column> targetColumns, Table target) {
            if (targetColumns != null) {
                targetColumns.forEach(c -> columns.add(qualified(c, target)));
            }
        }

        /** An INSERT/upsert target column is the target table's, whatever aliases say. */
        private static Column qualified(Column c, Table target) {
            return c.getTable() != null && c.getTable().getName() != null ? c : new Column(target, c.getColumnName());
        }
    }

    /** The columns inside one expression (a WHERE or ON clause), subqueries included. */
    private static final class ColumnFinder extends TablesNamesFinder<Void> {
        private final List<Column> found = new ArrayList<>();
        private final WatchList watch;
        /** The FROM tables (canonical) of each subquery entered, innermost last. */
        private final java.util.ArrayDeque<List<String>> scopes = new java.util.ArrayDeque<>();

        private ColumnFinder(WatchList watch) {
            this.watch = watch;
        }

        static List<Column> columnsOf(Expression expression) {
            ColumnFinder finder = new ColumnFinder(null);
            finder.getTables(expression);
            return finder.found;
        }

        /**
         * The columns of {@code expression} that may belong to the enclosing query: an unqualified
         * column inside a subquery whose own tables have a column of that name (per the catalog,
         * or a soft-deletable table's marker) belongs to the subquery and is left out.
         */
        static List<Column> outerColumnsOf(Expression expression, WatchList watch) {
            ColumnFinder finder = new ColumnFinder(watch);
            finder.getTables(expression);
            return finder.found;
        }

        @Override
        public <S> Void visit(PlainSelect select, S context) {
            if (watch == null) {
                return super.visit(select, context);
            }
            List<String> scope = new ArrayList<>();
            scopeOf(scope, select.getFromItem());
            if (select.getJoins() != null) {
                select.getJoins().forEach(j -> scopeOf(scope, j.getRightItem()));
            }
            scopes.addLast(scope);
            try {
                return super.visit(select, context);
            } finally {
                scopes.removeLast();
            }
        }

        private void scopeOf(List<String> scope, FromItem item) {
            if (item instanceof Table t && t.getName() != null) {
                scope.add(watch.canonical(t.getName()));
            }
        }

        @Override
        public <S> Void visit(Column column, S context) {
            if (watch != null && !scopes.isEmpty() && (column.getTable() == null || column.getTable().getName() == null)) {
                String name = watch.canonical(column.getColumnName());
                for (List<String> scope : scopes) {
                    for (String table : scope) {
                        if (Boolean.TRUE.equals(watch.hasColumn(table, name))) {
                            return null; // resolved inside the subquery, not the outer table's
                        }
                    }
                }
            }
            found.add(column);
            return null;
        }
    }
}
