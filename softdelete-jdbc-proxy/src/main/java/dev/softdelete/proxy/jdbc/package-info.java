/**
 * The JDBC interception SPI: a {@link dev.softdelete.proxy.jdbc.StatementInterceptor} sees every
 * SQL string the proxied data source is about to hand to the driver.
 */
package dev.softdelete.proxy.jdbc;
