/**
 * One soft-delete operation (instant and actor shared by every row it marks), how a session's
 * transaction gets one, the SQL literals that carry it into generated statements, and its metrics.
 * Internal: may change in any release.
 */
package dev.softdelete.hibernate.internal.operation;
