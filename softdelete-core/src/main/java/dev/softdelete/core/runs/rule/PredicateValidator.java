package dev.softdelete.core.runs.rule;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Checks a raw SQL predicate before it is ever sent to the database: cheap lexical checks first
 * (statement separators, write keywords, side-effecting functions; string literals and quoted
 * identifiers are blanked out so they cannot hide or fake a keyword), then JSqlParser must read
 * the whole text as one condition, its columns must belong to the target table and no subquery
 * may read the library's own tables.
 */
public final class PredicateValidator {

    private static final Pattern LITERALS = Pattern.compile("'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|`[^`]*`");
    private static final Pattern WRITE = Pattern.compile("(?i)\\b(INSERT|UPDATE|DELETE|MERGE|UPSERT|DROP|CREATE"
            + "|ALTER|TRUNCATE|GRANT|REVOKE|CALL|EXEC|EXECUTE|INTO|COPY|LOCK|SET)\\b");
    private static final Pattern SIDE_EFFECT = Pattern.compile("(?i)\\b(nextval|setval|pg_sleep\\w*|sleep|benchmark"
            + "|lo_\\w+|dblink\\w*|pg_terminate_backend|pg_cancel_backend|get_lock|release_lock|load_file"
            + "|pg_read\\w*|pg_advisory\\w*|pg_notify|set_config)\\s*\\(");
    private static final Set<String> NOT_COLUMNS = Set.of("true", "false", "null", "current_timestamp",
            "current_date", "current_time", "localtimestamp");

    private final String libraryPrefix;

    /** @param libraryPrefix prefix of the library's tables, which predicates may never read */
    public PredicateValidator(String libraryPrefix) {
        this.libraryPrefix = libraryPrefix.toLowerCase(Locale.ROOT);
    }

    /**
     * Validates {@code sql} as a predicate over a table with {@code columns}.
     *
     * @return the parsed expression
     * @throws UnsafePredicateException saying what was refused
     */
    public Expression validate(String sql, String table, Set<String> columns) {
        if (sql == null || sql.isBlank()) {
            throw new UnsafePredicateException(String.valueOf(sql), "it is empty");
        }
        String code = LITERALS.matcher(sql).replaceAll("''");
        if (code.contains(";")) {
            throw new UnsafePredicateException(sql, "it contains a statement separator ';'");
        }
        Matcher write = WRITE.matcher(code);
        if (write.find()) {
            throw new UnsafePredicateException(sql, "it contains the write keyword " + write.group(1).toUpperCase(Locale.ROOT));
        }
        Matcher call = SIDE_EFFECT.matcher(code);
        if (call.find()) {
            throw new UnsafePredicateException(sql, "it calls " + call.group(1) + "(), which has side effects");
        }
        if (code.contains("--") || code.contains("/*")) {
            throw new UnsafePredicateException(sql, "it contains an SQL comment");
        }
        Expression expression;
        try {
            expression = CCJSqlParserUtil.parseCondExpression(sql, false);
        } catch (JSQLParserException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new UnsafePredicateException(sql, "it is not one boolean expression (" + reason + ")", e);
        }
        if (expression instanceof Column || expression instanceof LongValue || expression instanceof StringValue) {
            throw new UnsafePredicateException(sql, "it is a value, not a condition");
        }
        for (String used : new TablesNamesFinder<Void>().getTables(expression)) {
            String bare = used.replace("\"", "").replace("`", "");
            bare = bare.substring(bare.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            if (!libraryPrefix.isEmpty() && bare.startsWith(libraryPrefix)) {
                throw new UnsafePredicateException(sql, "its subquery reads the library table " + used);
            }
        }
        Set<String> known = columns.stream().map(c -> c.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
        expression.accept(new ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(Column column, S context) {
                String name = column.getColumnName().replace("\"", "").replace("`", "");
                if (column.getTable() != null && column.getTable().getName() != null) {
                    throw new UnsafePredicateException(sql, "column " + column + " is qualified; write column names of "
                            + table + " without a table prefix");
                }
                if (!NOT_COLUMNS.contains(name.toLowerCase(Locale.ROOT)) && !known.contains(name.toLowerCase(Locale.ROOT))) {
                    throw new UnsafePredicateException(sql, "column '" + name + "' does not exist in table " + table);
                }
                return null;
            }

            @Override
            public <S> Void visit(ParenthesedSelect select, S context) {
                return null; // columns inside a subquery belong to its own tables
            }
        }, null);
        return expression;
    }
}
