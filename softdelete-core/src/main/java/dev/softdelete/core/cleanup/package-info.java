/**
 * The database-backed cleanup queue and its workers: multi-instance purge and archival with
 * leases, retries, rate limits and a circuit breaker.
 */
package dev.softdelete.core.cleanup;
