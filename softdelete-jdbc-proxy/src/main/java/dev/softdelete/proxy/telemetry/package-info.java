/**
 * Deprecated-element telemetry as the application sees it: usage per element (in memory and stored
 * per instance) and the exception strict mode throws.
 */
package dev.softdelete.proxy.telemetry;
