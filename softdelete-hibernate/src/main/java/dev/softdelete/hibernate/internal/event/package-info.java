/**
 * The registry of listeners of one session factory, which notifies them and never lets a
 * failing listener break the operation. Internal: may change in any release.
 */
package dev.softdelete.hibernate.internal.event;
