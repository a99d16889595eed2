/**
 * Alerts raised by background work and the {@link dev.softdelete.core.alert.AlertListener} SPI
 * that receives them.
 */
package dev.softdelete.core.alert;
