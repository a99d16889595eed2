/**
 * Internal: the hand-written JDBC wrappers (connection, statement, prepared and callable
 * statement) that call the interceptor and delegate everything to the driver. Not API.
 */
package dev.softdelete.proxy.internal.jdbc;
