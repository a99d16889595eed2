/**
 * Internal: the interceptor behind the proxy, in-memory usage aggregation, the usage table,
 * caller frames, quiet-period alerts, leak recording and the deprecation registry reader. Not API.
 */
package dev.softdelete.proxy.internal.telemetry;
