/**
 * The audit log: who did what to which target, when, from which instance, with structured
 * details.
 */
package dev.softdelete.core.audit;
