package dev.softdelete.proxy.internal.analysis;

/** SQL as it appears in logs, alerts and exception messages: cut to a readable length. */
public final class SqlText {

    private SqlText() {
    }

    /** {@code sql} itself when at most {@code max} characters long, else its start and "...". */
    public static String abbreviate(String sql, int max) {
        return sql.length() <= max ? sql : sql.substring(0, max - 3) + "...";
    }
}
