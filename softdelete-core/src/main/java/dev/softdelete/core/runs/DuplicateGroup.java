package dev.softdelete.core.runs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One group of a {@code duplicates} rule in a {@link Preview}: the values its rows share and how
 * many active rows it has (the run soft-deletes all but one of them).
 *
 * @param values the group's column values, by column, in the rule's order
 * @param rows   active rows in the group (at least 2)
 */
public record DuplicateGroup(Map<String, Object> values, long rows) {

    /** Copies {@code values}, keeping their order. */
    public DuplicateGroup {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
