package dev.softdelete.core.dialect;

/** The databases the library knows. Each maps to a {@link Dialect} implementation; MariaDB and MySQL share one. */
public enum DatabaseKind {
    /** H2. */
    H2("h2"),
    /** PostgreSQL. */
    POSTGRESQL("postgresql"),
    /** MariaDB and MySQL share scripts and most SQL; {@link Dialect#version()} tells them apart. */
    MARIADB("mysql"),
    /** MySQL; shares MariaDB's scripts. */
    MYSQL("mysql");

    private final String scriptFolder;

    DatabaseKind(String scriptFolder) {
        this.scriptFolder = scriptFolder;
    }

    /** Folder under {@code db/softdelete/} holding this database's schema scripts. */
    public String scriptFolder() {
        return scriptFolder;
    }
}
