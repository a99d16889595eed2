package dev.softdelete.core.table;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The soft-deletable tables this application declared, from the builder and from integrations
 * (Hibernate registers its {@code @SoftDeletable} entities when its session factory starts).
 * Thread-safe. A table that was never declared is described by the defaults
 * ({@link SoftDeletableTable#of}), so configuring a table is needed only where it differs.
 * Obtain it with {@code softDelete.tables()}.
 */
public final class SoftDeletableTables {

    private final Map<String, SoftDeletableTable> tables = new ConcurrentHashMap<>();

    /** Declares (or re-declares) a table. */
    public SoftDeletableTables register(SoftDeletableTable table) {
        tables.put(key(Objects.requireNonNull(table, "table").table()), table);
        return this;
    }

    /** The declared description of {@code table}, if any (names compare without regard to case). */
    public Optional<SoftDeletableTable> find(String table) {
        return Optional.ofNullable(tables.get(key(table)));
    }

    /** The declared description of {@code table}, or the defaults. */
    public SoftDeletableTable describe(String table) {
        return find(table).orElseGet(() -> SoftDeletableTable.of(table));
    }

    /** Every declared table. */
    public Collection<SoftDeletableTable> all() {
        return List.copyOf(tables.values());
    }

    private static String key(String table) {
        return table.toLowerCase(Locale.ROOT);
    }
}
