/**
 * MDC keys the library sets around its work, for structured logs.
 */
package dev.softdelete.core.logging;
