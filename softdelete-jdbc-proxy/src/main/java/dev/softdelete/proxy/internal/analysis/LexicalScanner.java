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
        return analyze(sql, watch, false);
    }

    /**
     * The token-scan result. {@code conservative} (strict mode) also reports every watched column
     * of a table whose name appears, since the statement may use it through a form the scan cannot
     * see ({@code *}, a whole-row reference).
     */
    Analysis analyze(String sql, WatchList watch, boolean conservative) {
        List<int[]> spans = new ArrayList<>();
        List<String> tokens = identifiers(sql, spans);
        Set<String> names = new HashSet<>();
        for (String token : tokens) {
            names.add(watch.canonical(token));
        }
        Map<WatchedElement, Hit> hits = new LinkedHashMap<>();
        for (WatchedElement e : watch.elements()) {
            String table = watch.canonical(e.table());
            if (names.contains(table) && (e.isTable() || conservative || names.contains(watch.canonical(e.column())))) {
                hits.put(e, new Hit(e, Confidence.LEXICAL));
            }
        }
        String wholeRow = wholeRowTarget(sql, tokens, spans);
        if (wholeRow != null) {
            String table = watch.canonical(wholeRow);
            for (WatchedElement e : watch.columnsOf(table)) {
                Confidence confidence = watch.confirmedColumn(table, watch.canonical(e.column()));
                if (confidence != null) {
                    hits.putIfAbsent(e, new Hit(e, confidence));
                }
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

    /**
     * The table an {@code INSERT}/{@code REPLACE}/{@code MERGE}/{@code COPY} writes or reads as a
     * whole row (no column list after the table name), or null.
     */
    static String wholeRowTarget(String sql, List<String> tokens, List<int[]> spans) {
        if (tokens.isEmpty()) {
            return null;
        }
        String first = tokens.get(0).toUpperCase(Locale.ROOT);
        int i = 1;
        switch (first) {
            case "INSERT", "REPLACE", "UPSERT", "MERGE" -> {
                while (i < tokens.size() && MODIFIERS.contains(tokens.get(i).toUpperCase(Locale.ROOT))) {
                    i++;
                }
                if (i < tokens.size() && tokens.get(i).equalsIgnoreCase("INTO")) {
                    i++;
                }
            }
            case "COPY" -> {
                if (nextChar(sql, spans.get(0)[1]) == '(') {
                    return null; // COPY (query) TO ...: the query is scanned like any other
                }
            }
            default -> {
                return null;
            }
        }
        if (i >= tokens.size()) {
            return null;
        }
        int end = spans.get(i)[1];
        while (nextChar(sql, end) == '.' && i + 1 < tokens.size()) { // schema.table
            i++;
            end = spans.get(i)[1];
        }
        return nextChar(sql, end) == '(' ? null : tokens.get(i);
    }

    private static final Set<String> MODIFIERS = Set.of("IGNORE", "LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY");

    private static char nextChar(String sql, int from) {
        for (int i = from, n = sql.length(); i < n; i++) {
            char c = sql.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c;
            }
        }
        return 0;
    }

    /**
     * The statements of a string holding several, split at {@code ;} outside literals, quoted
     * names, dollar quotes and comments; blank pieces are left out. One statement gives a list of one.
     */
    List<String> split(String sql) {
        List<String> out = new ArrayList<>(1);
        int n = sql.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int next = skipNonCode(sql, i);
            if (next > i) {
                i = next;
            } else if (c == ';') {
                addPiece(out, sql, start, i);
                start = ++i;
            } else {
                i++;
            }
        }
        addPiece(out, sql, start, n);
        if (out.isEmpty()) {
            out.add(sql);
        }
        return out;
    }

    private static void addPiece(List<String> out, String sql, int from, int to) {
        String piece = sql.substring(from, to);
        if (!piece.isBlank()) {
            out.add(from == 0 && to == sql.length() ? sql : piece.strip());
        }
    }

    /**
     * The statement with every literal replaced by a placeholder ({@code ''} for strings, {@code 0}
     * for numbers) and comments by a space: statements that differ only in literal values share
     * one analysis (what a statement touches never depends on a literal's value).
     */
    String normalize(String sql) {
        int n = sql.length();
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            String replacement = null;
            int end = i;
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-' || c == '#' && hashComments) {
                end = skipTo(sql, i, '\n');
                replacement = " ";
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                end = close < 0 ? n : close + 2;
                replacement = " ";
            } else if (c == '\'') {
                end = skipQuoted(sql, i, '\'', backslashEscapes);
                replacement = "''";
            } else if (c == '"' || c == '`') {
                i = skipQuoted(sql, i, c, false);
                continue;
            } else if (c == '$' && dollarQuotes && (i == 0 || !Character.isJavaIdentifierPart(sql.charAt(i - 1)))) {
                end = skipDollarQuoted(sql, i);
                replacement = end > i + 1 && sql.charAt(end - 1) == '$' ? "''" : null;
                if (replacement == null) {
                    i = end;
                    continue;
                }
            } else if (Character.isLetter(c) || c == '_') {
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                continue;
            } else if (Character.isDigit(c)) {
                end = i;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
                replacement = "0";
            } else {
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n);
            }
            out.append(sql, copied, i).append(replacement);
            copied = end;
            i = end;
        }
        if (out == null) {
            return sql;
        }
        return out.append(sql, copied, n).toString();
    }

    /** Index after the literal, comment, quoted name or dollar-quoted string starting at {@code i}; {@code i} if none does. */
    private int skipNonCode(String sql, int i) {
        int n = sql.length();
        char c = sql.charAt(i);
        if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-' || c == '#' && hashComments) {
            return skipTo(sql, i, '\n');
        } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
            int end = sql.indexOf("*/", i + 2);
            return end < 0 ? n : end + 2;
        } else if (c == '\'') {
            return skipQuoted(sql, i, '\'', backslashEscapes);
        } else if (c == '"' || c == '`') {
            return skipQuoted(sql, i, c, false);
        } else if (c == '$' && dollarQuotes && (i == 0 || !Character.isJavaIdentifierPart(sql.charAt(i - 1)))) {
            return Math.max(i + 1, skipDollarQuoted(sql, i));
        }
        return i;
    }

    /** Identifiers (plain words and quoted names, quotes kept) in order, outside literals and comments. */
    List<String> identifiers(String sql) {
        return identifiers(sql, null);
    }

    /** As {@link #identifiers(String)}; {@code spans}, when given, receives each one's start and end index. */
    List<String> identifiers(String sql, List<int[]> spans) {
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
                if (spans != null) {
                    spans.add(new int[] {i, Math.min(end, n)});
                }
                i = end;
            } else if (c == '$' && dollarQuotes && (i == 0 || !Character.isJavaIdentifierPart(sql.charAt(i - 1)))) {
                i = skipDollarQuoted(sql, i);
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                out.add(sql.substring(start, i));
                if (spans != null) {
                    spans.add(new int[] {start, i});
                }
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
