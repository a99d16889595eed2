/**
 * Rules and exclusions that say which rows a run soft-deletes, and the validation of user
 * predicates.
 */
package dev.softdelete.core.runs.rule;
