package dev.softdelete.core.check;

/**
 * One column a soft-deletable table is declared with, as the catalog has it.
 *
 * @param name     the declared column name
 * @param present  whether the table has it
 * @param type     its database type name (e.g. {@code timestamptz}, {@code DATETIME}), or {@code null} when absent
 * @param nullable whether it accepts {@code NULL} ({@code false} when absent)
 * @param suitable whether it is present with a type (and nullability) the library can use for its role
 */
public record ColumnReport(String name, boolean present, String type, boolean nullable, boolean suitable) {

    /** A declared column the table lacks. */
    static ColumnReport missing(String name) {
        return new ColumnReport(name, false, null, false, false);
    }
}
