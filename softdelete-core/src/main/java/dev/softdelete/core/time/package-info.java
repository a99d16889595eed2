/**
 * Time utilities shared by features: a settable clock for tests, a sleeper and a rate limiter.
 */
package dev.softdelete.core.time;
