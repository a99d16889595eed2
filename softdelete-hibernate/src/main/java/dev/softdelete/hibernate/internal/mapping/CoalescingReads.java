package dev.softdelete.hibernate.internal.mapping;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.dialect.Identifier;
import dev.softdelete.core.migration.FieldMigrationState;
import dev.softdelete.core.migration.ReadMode;
import dev.softdelete.hibernate.CoalescingRead;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds {@link CoalescingRead} attributes: sets their column's read expression from the field
 * migration's phase at bootstrap and reports the resulting read mode for this instance.
 */
public final class CoalescingReads {

    private static final Logger LOG = LoggerFactory.getLogger(CoalescingReads.class);

    private CoalescingReads() {
    }

    /**
     * Binds every {@link CoalescingRead} attribute of {@code entities}.
     *
     * @return the read mode chosen per migration
     */
    public static Map<String, ReadMode> bind(Collection<PersistentClass> entities, Supplier<SoftDelete> core) {
        Map<String, ReadMode> modes = new LinkedHashMap<>();
        for (PersistentClass entity : entities) {
            Class<?> type = entity.getMappedClass();
            if (type == null) {
                continue;
            }
            for (Property property : entity.getProperties()) {
                CoalescingRead read = annotation(type, property.getName());
                if (read == null) {
                    continue;
                }
                Column column = column(entity, property);
                String old = Identifier.of(read.oldColumn()).name();
                String neu = Identifier.of(column.getName()).name();
                ReadMode mode = modes.computeIfAbsent(read.migration(), name -> mode(core.get(), name));
                switch (mode) {
                    case COALESCE -> column.setCustomRead("COALESCE(" + neu + ", " + old + ")");
                    case OLD -> column.setCustomRead(old);
                    case NEW -> column.setCustomRead(null);
                }
                LOG.info("{}.{} reads {} (field migration '{}')", entity.getEntityName(), property.getName(), mode,
                        read.migration());
            }
        }
        modes.forEach((name, mode) -> report(core.get(), name, mode));
        return modes;
    }

    private static ReadMode mode(SoftDelete core, String migration) {
        try {
            Optional<FieldMigrationState> state = core.fieldMigrations().find(migration);
            if (state.isEmpty()) {
                LOG.warn("Field migration '{}' does not exist (yet): its @CoalescingRead attributes read the old"
                        + " column", migration);
                return ReadMode.OLD;
            }
            return state.get().readMode();
        } catch (RuntimeException e) {
            LOG.warn("Could not read field migration '{}' ({}): its @CoalescingRead attributes read new-else-old",
                    migration, e.getMessage());
            return ReadMode.COALESCE;
        }
    }

    private static void report(SoftDelete core, String migration, ReadMode mode) {
        try {
            if (core.fieldMigrations().find(migration).isPresent()) {
                core.fieldMigrations().reportReading(migration, mode);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not report reading {} for field migration '{}': {}", mode, migration, e.getMessage());
        }
    }

    private static Column column(PersistentClass entity, Property property) {
        var selectables = property.getValue().getSelectables();
        if (selectables.size() != 1 || !(selectables.get(0) instanceof Column column)) {
            throw new IllegalStateException("@CoalescingRead on " + entity.getEntityName() + "." + property.getName()
                    + " needs an attribute mapped on exactly one column");
        }
        return column;
    }

    private static CoalescingRead annotation(Class<?> type, String attribute) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(attribute);
                if (field.isAnnotationPresent(CoalescingRead.class)) {
                    return field.getAnnotation(CoalescingRead.class);
                }
            } catch (NoSuchFieldException ignored) {
                // try the superclass and the getter
            }
            String getter = "get" + Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1);
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(getter) && m.isAnnotationPresent(CoalescingRead.class)) {
                    return m.getAnnotation(CoalescingRead.class);
                }
            }
        }
        return null;
    }
}
