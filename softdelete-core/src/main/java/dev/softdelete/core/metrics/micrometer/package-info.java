/**
 * The Micrometer adapter of the metrics SPI; Micrometer is an optional dependency.
 */
package dev.softdelete.core.metrics.micrometer;
