package dev.softdelete.core.purge;

/**
 * A slice of the purged table's primary key, inclusive at both ends; {@code null} ends are open.
 * The cleanup queue splits a large purge into slices so that several workers share it.
 *
 * @param from the smallest key, inclusive; {@code null} for no lower bound
 * @param to   the largest key, inclusive; {@code null} for no upper bound
 */
public record KeyRange(Long from, Long to) {

    /** Every key. */
    public static final KeyRange ALL = new KeyRange(null, null);

    /** Returns whether both ends are open, i.e. the range is {@link #ALL}. */
    public boolean isAll() {
        return from == null && to == null;
    }
}
