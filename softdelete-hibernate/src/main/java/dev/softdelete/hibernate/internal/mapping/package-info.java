/**
 * What Hibernate's boot model says about the soft-deletable hierarchies (table, key, marker
 * columns as the core's {@code SoftDeletableTable}, cascade children), and the binder that applies
 * {@code @SoftDeletable} to that model. Internal: may change in any release.
 */
package dev.softdelete.hibernate.internal.mapping;
