package dev.softdelete.hibernate.internal.support;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.catalog.Catalog;
import dev.softdelete.core.jdbc.Jdbc;
import dev.softdelete.hibernate.internal.bootstrap.SoftDeleteRuntime;
import dev.softdelete.hibernate.internal.mapping.EntityMapping;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link TableSql} per soft-deletable entity, on the core's data source. */
public final class TableSqlFactory {

    private final SoftDeleteRuntime runtime;
    private final Map<String, TableSql> byEntity = new ConcurrentHashMap<>();

    public TableSqlFactory(SoftDeleteRuntime runtime) {
        this.runtime = runtime;
    }

    public TableSql forClass(Class<?> type) {
        return forMapping(runtime.mappings().require(type));
    }

    public TableSql forEntity(String entityName) {
        return forMapping(runtime.mappings().forEntity(entityName).orElseThrow());
    }

    private TableSql forMapping(EntityMapping mapping) {
        return byEntity.computeIfAbsent(mapping.entityName(),
                e -> new TableSql(mapping, jdbc(), runtime.markerHasZone(mapping)));
    }

    public SoftDelete core() {
        return runtime.core();
    }

    public Jdbc jdbc() {
        return runtime.core().jdbc();
    }

    public Catalog catalog() {
        return runtime.core().catalog();
    }
}
