-- The host application's own first migration, next to the library's V1 (FlywayContract).
CREATE TABLE IF NOT EXISTS host_things (id BIGINT PRIMARY KEY, name VARCHAR(100));
