/**
 * Soft delete for Hibernate ORM: annotate an entity with {@link dev.softdelete.hibernate.SoftDeletable}
 * and {@code remove()} marks its row instead of deleting it, while every session hides deleted rows.
 * {@link dev.softdelete.hibernate.HibernateSoftDelete} is the administrative API (restore, delete by id,
 * listing, purge, listeners); {@link dev.softdelete.hibernate.SoftDeleteSettings} lists the settings.
 */
package dev.softdelete.hibernate;
