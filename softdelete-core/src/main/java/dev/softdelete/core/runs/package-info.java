/**
 * Rule-based soft-delete runs: preview, batched rate-limited apply, resume and exact undo.
 */
package dev.softdelete.core.runs;
