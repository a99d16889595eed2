/**
 * JDBC interception: {@link dev.softdelete.proxy.jdbc.ProxyDataSource} hands every SQL string to a
 * {@link dev.softdelete.proxy.jdbc.StatementInterceptor} before the driver sees it.
 */
package dev.softdelete.proxy.jdbc;
