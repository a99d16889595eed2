package dev.softdelete.core.runs.rule;

import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.dialect.SqlSyntax;
import dev.softdelete.core.schema.LibrarySchema;
import dev.softdelete.core.schema.LibraryTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.expression.UserVariable;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.IntegerDivision;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsBooleanExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.AbstractJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Checks a raw SQL predicate ({@link Rule#predicate}) before it is ever sent to the database, by
 * an <em>allowlist</em>: whatever is not explicitly allowed is refused with
 * {@link UnsafePredicateException}, naming the construct.
 *
 * <h2>Two checks, and why both</h2>
 * A parser's tree is only as good as its agreement with the database about where string
 * literals, quoted names and comments begin and end. PostgreSQL's {@code E'...\'...'}, MariaDB's
 * backslash escapes (or PostgreSQL's with {@code standard_conforming_strings=off}), executable
 * comments {@code /*! ... *}{@code /}, dollar quotes and {@code #} comments are read differently
 * by different lexers, and that difference is how SQL is smuggled past a check. So:
 * <ol>
 * <li><b>Lexical check</b> on the text as written, with the one lexical rule every supported
 * database shares: a string literal is {@code '...'} with {@code ''} for a quote. The text may
 * not contain a backslash anywhere (the only character whose meaning inside a literal depends on
 * the database and its session settings), a comment marker ({@code --}, {@code /*},
 * {@code *}{@code /}, {@code #}) or a statement separator {@code ;} outside a literal, nor any
 * character outside a short set (letters, digits, {@code _}, white space and
 * {@code . , ( ) = < > ! + - * / % |}): no {@code ?} placeholder, {@code $} dollar quote,
 * {@code {fn ...}} JDBC escape, {@code @} variable, {@code ::} cast or {@code [...]}. A quote
 * directly after a name ({@code E'}, {@code N'}, {@code X'}, {@code _utf8'}) is refused, and
 * quoted names ({@code "..."}, {@code `...`}) may hold letters, digits, {@code _} and spaces
 * only. After this check, every database and JSqlParser split the text into the same tokens.</li>
 * <li><b>Tree check</b>: JSqlParser, with the dialect's grammar, must read the whole text as one
 * expression, and every node must be on the allowlist: the target's columns (unqualified or
 * {@code t.column}), literals (string without prefix, number, boolean, {@code NULL},
 * {@code DATE/TIME/TIMESTAMP '...'}), comparisons, {@code AND/OR/NOT}, arithmetic and
 * {@code ||}, parentheses, {@code IS [NOT] NULL}, {@code IS [NOT] TRUE/FALSE},
 * {@code [NOT] IN (list)}, {@code BETWEEN}, {@code [NOT] LIKE/ILIKE}, {@code CASE},
 * {@code EXTRACT}, the dialect's {@link Dialect#pureFunctions() pure functions} (matched on the
 * parsed, unqualified name; a quoted or schema-qualified function name is refused, since quoting
 * changes which function the database resolves), and {@code EXISTS}/{@code IN} subqueries that are
 * a plain {@code SELECT ... FROM ... [JOIN ...] WHERE ...} over tables of the application's
 * current schema (never the library's own tables, whatever the prefix, including an empty one),
 * under the same rules.</li>
 * </ol>
 * The text sent to the database is the text that was checked (not a re-rendering of the tree,
 * which could differ from what was validated in ways a renderer bug decides).
 */
public final class PredicateValidator {

    /** Where an application table's columns come from (the catalog, in practice). */
    @FunctionalInterface
    public interface TableColumns {
        /** Column names of {@code table} in the current schema, or empty when there is no such table. */
        Optional<Set<String>> of(String table);
    }

    /** The alias the target table has in every statement a run builds. */
    public static final String TARGET_ALIAS = "t";

    private static final int MAX_LENGTH = 10_000;
    private static final String OPERATOR_CHARACTERS = ".,()=<>!+-*/%|";
    private static final Set<String> NILADIC = Set.of("current_date", "current_time", "current_timestamp",
            "localtime", "localtimestamp");
    private static final Map<String, AbstractJSqlParser.Dialect> PARSER_DIALECTS = Map.of(
            "h2", AbstractJSqlParser.Dialect.H2,
            "postgresql", AbstractJSqlParser.Dialect.POSTGRESQL,
            "mariadb", AbstractJSqlParser.Dialect.MARIADB);

    private final Dialect dialect;
    private final Set<String> libraryTables;
    private final TableColumns applicationTables;

    /**
     * @param dialect           the database's grammar and {@link Dialect#pureFunctions()}
     * @param schema            the library's table names, which predicates may never read
     * @param applicationTables columns of the application tables subqueries may read
     */
    public PredicateValidator(Dialect dialect, LibrarySchema schema, TableColumns applicationTables) {
        this.dialect = dialect;
        Set<String> names = new TreeSet<>();
        for (LibraryTable table : LibraryTable.values()) {
            names.add(schema.name(table).toLowerCase(Locale.ROOT));
        }
        this.libraryTables = names;
        this.applicationTables = applicationTables;
    }

    /**
     * Validates {@code sql} as a predicate over {@code table} (aliased {@value #TARGET_ALIAS}) with
     * {@code columns}.
     *
     * @return the parsed expression
     * @throws UnsafePredicateException saying what was refused
     */
    public Expression validate(String sql, String table, Set<String> columns) {
        Expression expression = checkedParse(sql, true);
        new Check(sql, table).condition(expression, targetScope(table, columns));
        return expression;
    }

    /**
     * Validates {@code sql} as a <em>value</em> over one row of {@code table} (aliased
     * {@value #TARGET_ALIAS}) with {@code columns}: the same two checks and allowlist as a predicate,
     * except that the whole text is one expression of any type (e.g. {@code CONCAT(first_name, ' ',
     * last_name)}), not necessarily a condition. Used by field migrations' SQL-expression transform.
     *
     * @return the parsed expression
     * @throws UnsafePredicateException saying what was refused
     */
    public Expression validateValue(String sql, String table, Set<String> columns) {
        Expression expression = checkedParse(sql, false);
        new Check(sql, table).expression(expression, targetScope(table, columns));
        return expression;
    }

    /** The checks before parsing (not empty, not too long, allowed tokens only), then the parse. */
    private Expression checkedParse(String sql, boolean condition) {
        if (sql == null || sql.isBlank()) {
            throw new UnsafePredicateException(String.valueOf(sql), "it is empty");
        }
        if (sql.length() > MAX_LENGTH) {
            throw new UnsafePredicateException(sql.substring(0, 100) + "...", "it is longer than " + MAX_LENGTH
                    + " characters");
        }
        checkTokens(sql);
        return parse(sql, condition);
    }

    /** The scope of a predicate or value: the target table, aliased {@value #TARGET_ALIAS}. */
    private static Scope targetScope(String table, Set<String> columns) {
        return new Scope(null, List.of(new Source(TARGET_ALIAS, table, lower(columns))));
    }

    // ------------------------------------------------------------------------------ lexical check

    private static void checkTokens(String sql) {
        if (sql.indexOf('\\') >= 0) {
            throw new UnsafePredicateException(sql, "it contains a backslash, which databases read differently"
                    + " inside string literals (MariaDB escapes, PostgreSQL E'' strings and"
                    + " standard_conforming_strings); write literals without backslashes");
        }
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'') {
                if (i > 0 && isNameCharacter(sql.charAt(i - 1))) {
                    int start = i;
                    while (start > 0 && isNameCharacter(sql.charAt(start - 1))) {
                        start--;
                    }
                    throw new UnsafePredicateException(sql, "a string literal has the prefix " + sql.substring(start, i)
                            + " (" + sql.substring(start, i + 1) + "...); write plain '...' literals (and DATE '...'"
                            + " with a space)");
                }
                i = skipLiteral(sql, i);
                continue;
            }
            if (c == '"' || c == '`') {
                int end = sql.indexOf(c, i + 1);
                if (end < 0) {
                    throw new UnsafePredicateException(sql, "a quoted name is not closed");
                }
                String name = sql.substring(i + 1, end);
                if (name.isEmpty() || !name.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_' || ch == ' ')) {
                    throw new UnsafePredicateException(sql, "the quoted name " + c + name + c + " holds characters"
                            + " other than letters, digits, '_' and spaces");
                }
                i = end + 1;
                continue;
            }
            if ((c == '-' && next(sql, i) == '-') || (c == '/' && next(sql, i) == '*') || (c == '*' && next(sql, i) == '/')
                    || c == '#') {
                throw new UnsafePredicateException(sql, "it contains a comment marker (" + (c == '#' ? "#" : sql.substring(i, i + 2))
                        + ") outside a string literal; comments can hide SQL from a check");
            }
            if (c == ';') {
                throw new UnsafePredicateException(sql, "it contains a statement separator ';'");
            }
            if (c == '?') {
                throw new UnsafePredicateException(sql, "it contains a '?' placeholder, which a predicate cannot bind;"
                        + " write the value as a literal");
            }
            if (!(isNameCharacter(c) || c == ' ' || c == '\t' || c == '\r' || c == '\n'
                    || OPERATOR_CHARACTERS.indexOf(c) >= 0)) {
                throw new UnsafePredicateException(sql, "it contains the character '" + c + "' outside a string literal"
                        + " (no $ quotes, {} escapes, @ variables, :: casts, [] or ; are allowed)");
            }
            i++;
        }
    }

    private static int skipLiteral(String sql, int start) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'') {
                if (next(sql, i) == '\'') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            if (c == '\0' || (Character.isISOControl(c) && c != '\t' && c != '\r' && c != '\n')) {
                throw new UnsafePredicateException(sql.replace('\0', '?'), "a string literal contains a control character");
            }
            i++;
        }
        throw new UnsafePredicateException(sql, "a string literal is not closed");
    }

    private static char next(String sql, int i) {
        return i + 1 < sql.length() ? sql.charAt(i + 1) : 0;
    }

    private static boolean isNameCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    // ------------------------------------------------------------------------------ parse

    private Expression parse(String sql, boolean condition) {
        SqlSyntax syntax = dialect.syntax();
        AbstractJSqlParser.Dialect parserDialect = PARSER_DIALECTS.get(syntax.grammar());
        java.util.function.Consumer<net.sf.jsqlparser.parser.CCJSqlParser> options = parser -> {
            if (parserDialect != null) {
                parser.withDialect(parserDialect);
            }
            parser.withBackslashEscapeCharacter(syntax.backslashEscapes());
        };
        try {
            return condition ? CCJSqlParserUtil.parseCondExpression(sql, false, options)
                    : CCJSqlParserUtil.parseExpression(sql, false, options);
        } catch (JSQLParserException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new UnsafePredicateException(sql, "it is not one boolean expression (" + reason + ")", e);
        }
    }

    // ------------------------------------------------------------------------------ tree check

    /** A table visible to columns: the target ({@code t}) or a table of a subquery. */
    private record Source(String qualifier, String table, Set<String> columns) {
    }

    /** The tables of one query level, inside those of the enclosing levels. */
    private record Scope(Scope outer, List<Source> sources) {
    }

    private final class Check {
        private final String sql;
        private final String target;

        Check(String sql, String target) {
            this.sql = sql;
            this.target = target;
        }

        private UnsafePredicateException refuse(String reason) {
            return new UnsafePredicateException(sql, reason);
        }

        /** The top level must be a condition, not a bare value. */
        void condition(Expression e, Scope scope) {
            Expression inner = e;
            while (inner instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
                inner = list.get(0);
            }
            if (!(inner instanceof AndExpression || inner instanceof OrExpression || inner instanceof NotExpression
                    || isComparison(inner) || inner instanceof IsNullExpression || inner instanceof IsBooleanExpression
                    || inner instanceof Between || inner instanceof InExpression || inner instanceof LikeExpression
                    || inner instanceof ExistsExpression || inner instanceof BooleanValue)) {
                throw refuse("it is a value (" + inner + "), not a condition");
            }
            expression(e, scope);
        }

        void expression(Expression e, Scope scope) {
            if (e == null) {
                return;
            }
            if (e instanceof AndExpression || e instanceof OrExpression || isComparison(e) || isArithmetic(e)) {
                BinaryExpression b = (BinaryExpression) e;
                expression(b.getLeftExpression(), scope);
                expression(b.getRightExpression(), scope);
            } else if (e instanceof NotExpression not) {
                expression(not.getExpression(), scope);
            } else if (e instanceof SignedExpression signed) {
                expression(signed.getExpression(), scope);
            } else if (e instanceof ParenthesedExpressionList<?> list) {
                list.forEach(item -> expression(item, scope));
            } else if (e instanceof IsNullExpression isNull) {
                expression(isNull.getLeftExpression(), scope);
            } else if (e instanceof IsBooleanExpression isBoolean) {
                expression(isBoolean.getLeftExpression(), scope);
            } else if (e instanceof Between between) {
                expression(between.getLeftExpression(), scope);
                expression(between.getBetweenExpressionStart(), scope);
                expression(between.getBetweenExpressionEnd(), scope);
            } else if (e instanceof InExpression in) {
                expression(in.getLeftExpression(), scope);
                Expression right = in.getRightExpression();
                if (right instanceof ParenthesedSelect select) {
                    subquery(select, scope);
                } else if (right instanceof ExpressionList<?> list) {
                    list.forEach(item -> expression(item, scope));
                } else {
                    throw refuse("IN takes a list of values or a subquery, not " + right);
                }
            } else if (e instanceof LikeExpression like) {
                if (like.getLikeKeyWord() != LikeExpression.KeyWord.LIKE
                        && like.getLikeKeyWord() != LikeExpression.KeyWord.ILIKE) {
                    throw refuse(like.getLikeKeyWord() + " is not allowed (regular expressions can take unbounded"
                            + " time); use LIKE");
                }
                expression(like.getLeftExpression(), scope);
                expression(like.getRightExpression(), scope);
                expression(like.getEscape(), scope);
            } else if (e instanceof ExistsExpression exists) {
                if (!(exists.getRightExpression() instanceof ParenthesedSelect select)) {
                    throw refuse("EXISTS takes a subquery");
                }
                subquery(select, scope);
            } else if (e instanceof CaseExpression caseExpression) {
                expression(caseExpression.getSwitchExpression(), scope);
                for (WhenClause when : caseExpression.getWhenClauses()) {
                    expression(when.getWhenExpression(), scope);
                    expression(when.getThenExpression(), scope);
                }
                expression(caseExpression.getElseExpression(), scope);
            } else if (e instanceof ExtractExpression extract) {
                expression(extract.getExpression(), scope);
            } else if (e instanceof TrimFunction trim) {
                requirePure("trim");
                expression(trim.getExpression(), scope);
                expression(trim.getFromExpression(), scope);
            } else if (e instanceof Function function) {
                function(function, scope);
            } else if (e instanceof Column column) {
                column(column, scope);
            } else if (e instanceof StringValue string) {
                if (string.getPrefix() != null || !"'".equals(string.getQuoteStr())) {
                    throw refuse("the literal " + string + " uses a prefix or quoting other than plain '...'");
                }
            } else if (e instanceof TimeKeyExpression key) {
                requirePure(key.getStringValue().toLowerCase(Locale.ROOT));
            } else if (e instanceof JdbcParameter || e instanceof JdbcNamedParameter || e instanceof UserVariable) {
                throw refuse("it contains the placeholder or variable " + e + "; write the value as a literal");
            } else if (!(e instanceof LongValue || e instanceof DoubleValue || e instanceof NullValue
                    || e instanceof BooleanValue || e instanceof DateTimeLiteralExpression)) {
                throw refuse("'" + e + "' (" + describe(e) + ") is not allowed in a predicate");
            }
        }

        private void function(Function f, Scope scope) {
            List<String> parts = f.getMultipartName();
            if (parts == null || parts.size() != 1) {
                throw refuse("it calls the qualified function " + f.getName() + "(); call functions by their plain name");
            }
            String name = f.getName();
            if (name.startsWith("\"") || name.startsWith("`") || name.startsWith("[")) {
                throw refuse("it calls the quoted function " + name + "() (" + unquote(name) + "): quoting changes which"
                        + " function the database calls; call one of " + pureFunctions() + " by its plain name");
            }
            requirePure(name.toLowerCase(Locale.ROOT));
            Function plain = new Function().withName(name);
            if (f.getParameters() != null) {
                plain.setParameters(f.getParameters());
            }
            if (!plain.toString().equals(f.toString())) {
                throw refuse("the call " + f + " uses syntax beyond name(argument, ...) (DISTINCT, *, named or"
                        + " keyword arguments, FILTER, ORDER BY ...)");
            }
            if (f.getParameters() != null) {
                f.getParameters().forEach(p -> expression(p, scope));
            }
        }

        private void requirePure(String name) {
            if (!dialect.pureFunctions().contains(name)) {
                throw refuse("it calls " + name + "(), which is not one of the functions predicates may call on "
                        + dialect.kind() + ": " + pureFunctions());
            }
        }

        private void column(Column column, Scope scope) {
            String name = unquote(column.getColumnName());
            String key = name.toLowerCase(Locale.ROOT);
            Table qualifier = column.getTable();
            if (qualifier != null && qualifier.getName() != null) {
                if (qualifier.getSchemaName() != null || qualifier.getDatabaseName() != null) {
                    throw refuse("column " + column + " has more than one qualifier; write column or alias.column");
                }
                String q = unquote(qualifier.getName());
                for (Scope s = scope; s != null; s = s.outer()) {
                    for (Source source : s.sources()) {
                        if (source.qualifier().equalsIgnoreCase(q)) {
                            if (!source.columns().contains(key)) {
                                throw refuse("column '" + name + "' does not exist in table " + source.table());
                            }
                            return;
                        }
                    }
                }
                throw refuse("column " + column + " is qualified by '" + q + "', which names no table here; write the"
                        + " target's columns plain or as " + TARGET_ALIAS + ".column (the target " + target
                        + " is aliased " + TARGET_ALIAS + ")");
            }
            for (Scope s = scope; s != null; s = s.outer()) {
                for (Source source : s.sources()) {
                    if (source.columns().contains(key)) {
                        return;
                    }
                }
            }
            if (NILADIC.contains(key) && name.equals(column.getColumnName())) {
                requirePure(key);
                return;
            }
            throw refuse("column '" + name + "' does not exist in table " + target
                    + (scope.outer() == null ? "" : " nor in the subquery's tables"));
        }

        private void subquery(ParenthesedSelect parenthesed, Scope outer) {
            if (!(parenthesed.getSelect() instanceof PlainSelect select)) {
                throw refuse("the subquery " + parenthesed + " is not one plain SELECT (no UNION, VALUES or WITH)");
            }
            PlainSelect plain = new PlainSelect().withSelectItems(select.getSelectItems())
                    .withFromItem(select.getFromItem()).withJoins(select.getJoins()).withWhere(select.getWhere());
            if (select.getDistinct() != null && select.getDistinct().getOnSelectItems() == null) {
                plain.setDistinct(select.getDistinct());
            }
            ParenthesedSelect rebuilt = new ParenthesedSelect().withSelect(plain);
            if (!rebuilt.toString().equals(parenthesed.toString())) {
                throw refuse("the subquery " + parenthesed + " uses more than SELECT ... FROM ... [JOIN ... ON ...]"
                        + " WHERE ... (no GROUP BY, ORDER BY, LIMIT, FOR UPDATE, WITH, INTO, hints ...)");
            }
            if (!(select.getFromItem() instanceof Table from)) {
                throw refuse("the subquery reads " + select.getFromItem() + "; subqueries may read application tables only");
            }
            List<Source> sources = new ArrayList<>();
            sources.add(source(from));
            List<Join> joins = select.getJoins() == null ? List.of() : select.getJoins();
            for (Join join : joins) {
                if (!(join.getRightItem() instanceof Table joined)) {
                    throw refuse("the subquery joins " + join.getRightItem() + "; subqueries may read application tables only");
                }
                if (join.getUsingColumns() != null && !join.getUsingColumns().isEmpty()) {
                    throw refuse("the subquery joins with USING; write JOIN ... ON ...");
                }
                sources.add(source(joined));
            }
            Scope scope = new Scope(outer, sources);
            for (SelectItem<?> item : select.getSelectItems()) {
                Expression e = item.getExpression();
                if (e instanceof AllColumns all && !(e instanceof AllTableColumns)) {
                    if (!"*".equals(all.toString())) {
                        throw refuse("the subquery selects " + all);
                    }
                } else if (!(e instanceof AllTableColumns)) {
                    expression(e, scope);
                }
            }
            for (Join join : joins) {
                join.getOnExpressions().forEach(on -> expression(on, scope));
            }
            expression(select.getWhere(), scope);
        }

        private Source source(Table table) {
            if (table.getSchemaName() != null || table.getDatabaseName() != null) {
                throw refuse("the subquery reads " + table.getFullyQualifiedName()
                        + "; name tables of the current schema without a schema");
            }
            String name = unquote(table.getName());
            if (libraryTables.contains(name.toLowerCase(Locale.ROOT))) {
                throw refuse("its subquery reads the library table " + name
                        + "; predicates may read application tables only");
            }
            Alias alias = table.getAlias();
            Table plain = new Table(table.getName());
            if (alias != null) {
                if (alias.getAliasColumns() != null) {
                    throw refuse("the subquery aliases the columns of " + table);
                }
                plain.setAlias(new Alias(alias.getName(), alias.isUseAs()));
            }
            if (!plain.toString().equals(table.toString())) {
                throw refuse("the subquery reads " + table + " with more than a table name and an alias");
            }
            Optional<Set<String>> columns;
            try {
                columns = applicationTables.of(name);
            } catch (RuntimeException e) {
                throw new UnsafePredicateException(sql, "its subquery reads '" + name + "', which is not a table of"
                        + " the current schema (" + e.getMessage() + ")", e);
            }
            if (columns.isEmpty()) {
                throw refuse("its subquery reads '" + name + "', which is not a table of the current schema;"
                        + " subqueries may read application tables only");
            }
            String qualifier = alias == null ? name : unquote(alias.getName());
            return new Source(qualifier, name, lower(columns.get()));
        }
    }

    private String pureFunctions() {
        return String.join(", ", new TreeSet<>(dialect.pureFunctions()));
    }

    private static boolean isComparison(Expression e) {
        return e instanceof EqualsTo || e instanceof NotEqualsTo || e instanceof GreaterThan
                || e instanceof GreaterThanEquals || e instanceof MinorThan || e instanceof MinorThanEquals;
    }

    private static boolean isArithmetic(Expression e) {
        return e instanceof Addition || e instanceof Subtraction || e instanceof Multiplication
                || e instanceof Division || e instanceof IntegerDivision || e instanceof Modulo || e instanceof Concat;
    }

    private static String describe(Expression e) {
        return e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private static String unquote(String name) {
        if (name.length() >= 2 && (name.startsWith("\"") && name.endsWith("\"") || name.startsWith("`") && name.endsWith("`")
                || name.startsWith("[") && name.endsWith("]"))) {
            return name.substring(1, name.length() - 1);
        }
        return name;
    }

    private static Set<String> lower(Set<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
