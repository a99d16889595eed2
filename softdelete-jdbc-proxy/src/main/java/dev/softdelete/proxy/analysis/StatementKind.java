package dev.softdelete.proxy.analysis;

/** What a statement does, as far as telemetry cares. */
public enum StatementKind {
    SELECT, INSERT, UPDATE, DELETE, MERGE, CALL, DDL, OTHER
}
