/**
 * The core module's entry point, {@link dev.softdelete.core.SoftDelete}, with the root of the
 * exception hierarchy and the {@link dev.softdelete.core.ActorProvider} SPI. Plain JDBC: no ORM,
 * no Spring.
 */
package dev.softdelete.core;
