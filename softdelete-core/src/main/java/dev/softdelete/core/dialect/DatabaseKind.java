package dev.softdelete.core.dialect;

/** The databases the library knows. Each has one {@link Dialect} implementation. */
public enum DatabaseKind {
    H2("h2"),
    POSTGRESQL("postgresql"),
    /** MariaDB and MySQL share scripts and most SQL; {@link Dialect#version()} tells them apart. */
    MARIADB("mysql"),
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
