package dev.softdelete.core.dialect;

/**
 * How a database writes SQL text: what a lexer must know to find string literals, comments and
 * names in statements written for it, and how a string literal is escaped.
 *
 * @param grammar                  the grammar family the statements follow ({@code h2},
 *                                 {@code postgresql}, {@code mariadb}); a neutral name that
 *                                 integrations map onto their parser's dialects
 * @param backslashEscapes         whether {@code \} escapes the next character inside
 *                                 {@code '...'} (MariaDB/MySQL by default)
 * @param hashComments             whether {@code #} starts a line comment (MariaDB/MySQL)
 * @param dollarQuotes             whether {@code $tag$...$tag$} quotes a string (PostgreSQL, H2)
 * @param caseInsensitiveNames     whether table and column names match regardless of case even
 *                                 when quoted (MariaDB/MySQL columns, and tables with
 *                                 {@code lower_case_table_names=1}): name matching must then
 *                                 ignore case to be on the safe side
 */
public record SqlSyntax(String grammar, boolean backslashEscapes, boolean hashComments, boolean dollarQuotes,
        boolean caseInsensitiveNames) {

    /** A string literal holding {@code value} as this syntax reads it back, or {@code NULL}. */
    public String stringLiteral(String value) {
        if (value == null) {
            return "NULL";
        }
        String escaped = value.replace("'", "''");
        if (backslashEscapes) {
            escaped = escaped.replace("\\", "\\\\");
        }
        return "'" + escaped + "'";
    }
}
