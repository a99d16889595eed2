/**
 * Changing what one session sees for a block of work: active rows (the default), all rows, or
 * deleted rows only.
 */
package dev.softdelete.hibernate.scope;
