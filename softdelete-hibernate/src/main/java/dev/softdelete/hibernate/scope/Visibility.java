package dev.softdelete.hibernate.scope;

/** Which rows of soft-deletable entities a session sees. */
public enum Visibility {
    /** Active rows only: the default of every session. */
    ACTIVE,
    /** Active and deleted rows. */
    ALL,
    /** Deleted rows only. */
    DELETED
}
