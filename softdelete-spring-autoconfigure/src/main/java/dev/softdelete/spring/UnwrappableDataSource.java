package dev.softdelete.spring;

import javax.sql.DataSource;

/**
 * A data source bean wrapped by this module; the {@code SoftDelete} bean works on
 * {@link #unwrapped()} so that it never depends on the wrapper (which depends on it).
 */
interface UnwrappableDataSource {

    /** The application's own data source, as its bean definition created it. */
    DataSource unwrapped();
}
