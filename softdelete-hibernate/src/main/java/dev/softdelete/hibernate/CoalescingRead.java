package dev.softdelete.hibernate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the attribute mapped on a field migration's <em>new</em> column, in the application
 * version that reads it (V2). When the session factory is built, the integration reads the
 * migration's phase ({@code softDelete.fieldMigrations()}) and sets how the column is read:
 * <ul>
 *   <li>{@code DUAL_WRITE}, {@code BACKFILL}, {@code VERIFIED}: {@code COALESCE(new, old)}, right
 *       before the backfill has reached the row;</li>
 *   <li>{@code READ_NEW}, {@code CONTRACTED}: the new column only;</li>
 *   <li>{@code EXPAND}, {@code ABORTED}, or no such migration: the old column only.</li>
 * </ul>
 * It then reports that read mode for this instance ({@code FieldMigrations.reportReading}), which
 * {@code contract} checks. The mode is fixed for the life of the session factory: after
 * {@code readNew}, instances read the new column only once restarted (a rolling restart).
 *
 * <pre>{@code
 * @Column(name = "display_name")
 * @CoalescingRead(migration = "users.full_name->display_name", oldColumn = "full_name")
 * String displayName;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface CoalescingRead {

    /** The field migration's name. */
    String migration();

    /** The old column's SQL name (a plain identifier), read while the new one may still be empty. */
    String oldColumn();
}
