/**
 * The metrics SPI ({@link dev.softdelete.core.metrics.SoftDeleteMetrics}, no-op by default),
 * meter names and bounded tags.
 */
package dev.softdelete.core.metrics;
