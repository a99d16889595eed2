/**
 * The JDBC proxy: {@link dev.softdelete.proxy.SoftDeleteProxy} wraps the application's data source
 * and reports access to deprecated tables and columns and reads that leak soft-deleted rows, without
 * changing any statement.
 */
package dev.softdelete.proxy;
