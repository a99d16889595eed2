package dev.softdelete.hibernate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes an entity soft-deletable: {@code remove()} and bulk HQL {@code delete} set {@link #column()}
 * (and {@link #deletedBy()}) instead of deleting, and deleted rows are hidden from HQL, Criteria,
 * {@code find}, {@code getReference} and to-many collections. Put it on the root of a hierarchy;
 * subclasses inherit it. The columns need not be mapped as entity attributes.
 *
 * <pre>{@code
 * @Entity @SoftDeletable(deletedBy = "deleted_by")
 * class Product { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SoftDeletable {

    /** The timestamp column marking a row deleted ({@code NULL} = active). Holds UTC. */
    String column() default "deleted_at";

    /** The column receiving the actor of the deletion; empty (the default) when there is none. */
    String deletedBy() default "";
}
