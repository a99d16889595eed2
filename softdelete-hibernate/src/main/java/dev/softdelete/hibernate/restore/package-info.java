/**
 * Restoring deleted rows with the children deleted by the same operation: the result and the
 * exceptions a restore can end with (row active, unique key taken).
 */
package dev.softdelete.hibernate.restore;
