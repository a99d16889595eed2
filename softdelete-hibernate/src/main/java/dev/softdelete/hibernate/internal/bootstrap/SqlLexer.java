package dev.softdelete.hibernate.internal.bootstrap;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into tokens (words, quoted names, strings, punctuation), dropping comments, for
 * the statement inspector. Where databases and session settings read text differently (a backslash
 * inside '...', nested block comments, "--" without a following space), the reading is a parameter:
 * the inspector lexes every reading and acts only when they agree.
 */
final class SqlLexer {

    enum Kind { WORD, QUOTED_NAME, STRING, LEFT, RIGHT, DOT, COMMA, SEMICOLON, OTHER }

    /** One token: its kind, its position in the text, and for names the name it denotes. */
    record Token(Kind kind, int start, int end, String name) {

        boolean is(String keyword) {
            return kind == Kind.WORD && name.equalsIgnoreCase(keyword);
        }

        boolean isName() {
            return kind == Kind.WORD || kind == Kind.QUOTED_NAME;
        }
    }

    /**
     * One way of reading SQL text.
     *
     * @param backslashEscapes whether {@code \} escapes the next character inside {@code '...'}
     * @param nestedComments   whether block comments nest (PostgreSQL)
     * @param dashNeedsSpace   whether {@code --} starts a comment only before white space (MariaDB)
     * @param hashComments     whether {@code #} starts a line comment
     * @param dollarQuotes     whether {@code $tag$...$tag$} quotes a string
     */
    record Reading(boolean backslashEscapes, boolean nestedComments, boolean dashNeedsSpace, boolean hashComments,
            boolean dollarQuotes) {

        /** Every combination of the readings that depend on settings, for a database's fixed rules. */
        static List<Reading> all(boolean hashComments, boolean dollarQuotes) {
            List<Reading> readings = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                readings.add(new Reading((i & 1) != 0, (i & 2) != 0, (i & 4) != 0, hashComments, dollarQuotes));
            }
            return readings;
        }
    }

    private SqlLexer() {
    }

    static List<Token> tokens(String sql, Reading reading) {
        List<Token> out = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-'
                    && (!reading.dashNeedsSpace() || i + 2 >= n || Character.isWhitespace(sql.charAt(i + 2)))) {
                i = lineEnd(sql, i);
            } else if (c == '#' && reading.hashComments()) {
                i = lineEnd(sql, i);
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = blockCommentEnd(sql, i, reading.nestedComments());
            } else if (c == '\'') {
                boolean escapes = reading.backslashEscapes() || escapePrefix(sql, i, out);
                int end = quotedEnd(sql, i, '\'', escapes);
                out.add(new Token(Kind.STRING, i, end, null));
                i = end;
            } else if (c == '"' || c == '`') {
                int end = quotedEnd(sql, i, c, false);
                String inner = sql.substring(i + 1, Math.max(i + 1, end - 1)).replace("" + c + c, "" + c);
                out.add(new Token(Kind.QUOTED_NAME, i, end, inner));
                i = end;
            } else if (c == '$' && reading.dollarQuotes() && dollarTagEnd(sql, i) > 0) {
                int tagEnd = dollarTagEnd(sql, i);
                String tag = sql.substring(i, tagEnd);
                int close = sql.indexOf(tag, tagEnd);
                int end = close < 0 ? n : close + tag.length();
                out.add(new Token(Kind.STRING, i, end, null));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
                        || sql.charAt(end) == '$')) {
                    end++;
                }
                out.add(new Token(Kind.WORD, i, end, sql.substring(i, end)));
                i = end;
            } else {
                Kind kind = switch (c) {
                    case '(' -> Kind.LEFT;
                    case ')' -> Kind.RIGHT;
                    case '.' -> Kind.DOT;
                    case ',' -> Kind.COMMA;
                    case ';' -> Kind.SEMICOLON;
                    default -> Kind.OTHER;
                };
                out.add(new Token(kind, i, i + 1, null));
                i++;
            }
        }
        return out;
    }

    /** {@code E'...'} (PostgreSQL escape string): a word E directly before the quote. */
    private static boolean escapePrefix(String sql, int quote, List<Token> before) {
        if (before.isEmpty()) {
            return false;
        }
        Token last = before.get(before.size() - 1);
        return last.end() == quote && last.is("e");
    }

    private static int lineEnd(String sql, int from) {
        int end = sql.indexOf('\n', from);
        return end < 0 ? sql.length() : end + 1;
    }

    private static int blockCommentEnd(String sql, int from, boolean nested) {
        int depth = 0;
        int i = from;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i) && (nested || depth == 0)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** End (exclusive) of a quoted run starting at {@code from}; a doubled quote stays inside. */
    private static int quotedEnd(String sql, int from, char quote, boolean backslashEscapes) {
        int i = from + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** End of a {@code $tag$} opener at {@code from}, or -1 ({@code $1} is a parameter, not a quote). */
    private static int dollarTagEnd(String sql, int from) {
        int i = from + 1;
        if (i < sql.length() && Character.isDigit(sql.charAt(i))) {
            return -1;
        }
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        return i < sql.length() && sql.charAt(i) == '$' ? i + 1 : -1;
    }
}
