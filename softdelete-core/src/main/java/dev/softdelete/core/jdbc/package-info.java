/**
 * Small JDBC helpers bound to a data source and dialect: connections, transactions, binding, and
 * the library's data-access exception.
 */
package dev.softdelete.core.jdbc;
