package dev.softdelete.core.deprecation;

/**
 * Why an element is BLOCKED.
 *
 * @param code    {@code RECENT_ACCESS}, {@code DEPENDENCY}, {@code PRIMARY_KEY}, {@code NOT_WATCHED}
 *                or {@code WATCHED_TOO_SHORT}
 * @param message what was found and what to do
 */
public record BlockReason(String code, String message) {

    /** The proxy recorded an access within the quiet period. */
    public static final String RECENT_ACCESS = "RECENT_ACCESS";
    /** A view, foreign key, trigger, generated column, default, ... would break or keep using it. */
    public static final String DEPENDENCY = "DEPENDENCY";
    /** The column is part of the primary key. */
    public static final String PRIMARY_KEY = "PRIMARY_KEY";
    /** Nothing watched it yet, so there is no evidence either way. */
    public static final String NOT_WATCHED = "NOT_WATCHED";
    /** Watched for less than the quiet period. */
    public static final String WATCHED_TOO_SHORT = "WATCHED_TOO_SHORT";
}
