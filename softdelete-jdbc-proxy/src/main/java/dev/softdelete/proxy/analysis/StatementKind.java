package dev.softdelete.proxy.analysis;

/** What a statement does, as far as telemetry cares. */
public enum StatementKind {
    /** A query: {@code SELECT}, {@code WITH}, {@code VALUES} or {@code TABLE}. */
    SELECT,
    /** An {@code INSERT} (also {@code REPLACE} and {@code UPSERT}). */
    INSERT,
    /** An {@code UPDATE}. */
    UPDATE,
    /** A {@code DELETE}. */
    DELETE,
    /** A {@code MERGE} (upsert). */
    MERGE,
    /** A procedure call ({@code CALL}, {@code EXEC}). */
    CALL,
    /** A schema change: CREATE, ALTER, DROP, TRUNCATE, RENAME or COMMENT. */
    DDL,
    /** Anything else, or a statement that could not be read. */
    OTHER
}
