package dev.softdelete.proxy.internal.analysis;

import dev.softdelete.core.dialect.SqlSyntax;
import dev.softdelete.core.table.SoftDeletableTable;
import dev.softdelete.proxy.analysis.Confidence;
import dev.softdelete.proxy.analysis.StatementKind;
import dev.softdelete.proxy.analysis.WatchedElement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The fallback when the parser rejects a statement (or it is too large or too deeply nested to
 * parse): identifiers are read token by token, with string literals, dollar-quoted bodies,
 * comments and numbers skipped, so a name inside a literal or a comment never counts. Hits are
 * {@link Confidence#LEXICAL}: a column counts when its name and its table's name both appear.
 * Linear in the statement's length.
 */
final class LexicalScanner {

    private final boolean backslashEscapes;
    private final boolean hashComments;
    private final boolean dollarQuotes;

    LexicalScanner(SqlSyntax syntax) {
        this.backslashEscapes = syntax.backslashEscapes();
        this.hashComments = syntax.hashComments();
        this.dollarQuotes = syntax.dollarQuotes();
    }

    Analysis analyze(String sql, WatchList watch) {
        List<String> tokens = identifiers(sql);
        Set<String> names = new HashSet<>();
        for (String token : tokens) {
            names.add(watch.canonical(token));
        }
        Map<WatchedElement, Hit> hits = new LinkedHashMap<>();
        for (WatchedElement e : watch.elements()) {
            String table = watch.canonical(e.table());
            if (names.contains(table) && (e.isTable() || names.contains(watch.canonical(e.column())))) {
                hits.put(e, new Hit(e, Confidence.LEXICAL));
            }
        }
        StatementKind kind = kindOf(tokens);
        List<Leak> leaks = new ArrayList<>();
        if (kind == StatementKind.SELECT) {
            for (SoftDeletableTable t : watch.softDeletable()) {
                if (names.contains(watch.canonical(t.table())) && !names.contains(watch.canonical(t.markerColumn()))) {
                    leaks.add(new Leak(t.table(), Confidence.LEXICAL));
                }
            }
        }
        return new Analysis(kind, new ArrayList<>(hits.values()), leaks, false);
    }

    /** The statement kind from its first keyword ({@code WITH} counts as a SELECT). */
    static StatementKind kindOf(List<String> tokens) {
        if (tokens.isEmpty()) {
            return StatementKind.OTHER;
        }
        return switch (tokens.get(0).toUpperCase(Locale.ROOT)) {
            case "SELECT", "WITH", "VALUES", "TABLE" -> StatementKind.SELECT;
            case "INSERT", "REPLACE", "UPSERT" -> StatementKind.INSERT;
            case "UPDATE" -> StatementKind.UPDATE;
            case "DELETE" -> StatementKind.DELETE;
            case "MERGE" -> StatementKind.MERGE;
            case "CALL", "EXEC", "EXECUTE" -> StatementKind.CALL;
            case "CREATE", "ALTER", "DROP", "TRUNCATE", "RENAME", "COMMENT" -> StatementKind.DDL;
            default -> StatementKind.OTHER;
        };
    }

    /** Identifiers (plain words and quoted names, quotes kept) in order, outside literals and comments. */
    List<String> identifiers(String sql) {
        List<String> out = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-' || c == '#' && hashComments) {
                i = skipTo(sql, i, '\n');
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                i = skipQuoted(sql, i, '\'', backslashEscapes);
            } else if (c == '"' || c == '`') {
                int end = skipQuoted(sql, i, c, false);
                out.add(sql.substring(i, Math.min(end, n)));
                i = end;
            } else if (c == '$' && dollarQuotes && (i == 0 || !Character.isJavaIdentifierPart(sql.charAt(i - 1)))) {
                i = skipDollarQuoted(sql, i);
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                out.add(sql.substring(start, i));
            } else if (Character.isDigit(c)) {
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
            } else {
                i++;
            }
        }
        return out;
    }

    private static int skipTo(String sql, int from, char end) {
        int at = sql.indexOf(end, from);
        return at < 0 ? sql.length() : at + 1;
    }

    /** Index after the closing quote; a doubled quote is an escaped one. */
    private static int skipQuoted(String sql, int start, char quote, boolean backslash) {
        int n = sql.length();
        int i = start + 1;
        while (i < n) {
            char c = sql.charAt(i);
            if (backslash && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < n && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    /** {@code $tag$ ... $tag$}; a lone {@code $1} parameter is just skipped. */
    private static int skipDollarQuoted(String sql, int start) {
        int n = sql.length();
        int i = start + 1;
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        if (i >= n || sql.charAt(i) != '$' || (i > start + 1 && Character.isDigit(sql.charAt(start + 1)))) {
            return i;
        }
        String tag = sql.substring(start, i + 1);
        int end = sql.indexOf(tag, i + 1);
        return end < 0 ? n : end + tag.length();
    }
}
