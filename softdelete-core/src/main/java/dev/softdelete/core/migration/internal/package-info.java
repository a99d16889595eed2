/**
 * Not API: classes of the field-migration feature that must be public for another party, such as
 * the Java trigger H2 instantiates.
 */
package dev.softdelete.core.migration.internal;
