/**
 * The listener SPI: implement {@link dev.softdelete.hibernate.event.SoftDeleteListener} and add it with
 * {@code HibernateSoftDelete.addListener} to hear of soft deletes, restores and hard deletes.
 */
package dev.softdelete.hibernate.event;
