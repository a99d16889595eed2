/**
 * What the delete-by-id API reports when a row cannot be soft-deleted (it already is).
 */
package dev.softdelete.hibernate.delete;
