package dev.softdelete.core.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An immutable list of tag key/value pairs. Keep values bounded (entity names, outcomes,
 * operation types): never ids or free text.
 */
public final class MetricTags {

    private static final MetricTags EMPTY = new MetricTags(List.of());

    private final List<String> keyValues;

    private MetricTags(List<String> keyValues) {
        this.keyValues = keyValues;
    }

    /** Tags from alternating keys and values: {@code of("entity", "product", "outcome", "success")}. */
    public static MetricTags of(String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("Tags come in key/value pairs, got " + keyValues.length + " strings");
        }
        if (keyValues.length == 0) {
            return EMPTY;
        }
        List<String> list = new ArrayList<>(keyValues.length);
        for (String s : keyValues) {
            list.add(s == null ? "none" : s);
        }
        return new MetricTags(Collections.unmodifiableList(list));
    }

    /** No tags. */
    public static MetricTags empty() {
        return EMPTY;
    }

    /** These tags plus one more pair. */
    public MetricTags and(String key, String value) {
        List<String> list = new ArrayList<>(keyValues);
        list.add(key);
        list.add(value == null ? "none" : value);
        return new MetricTags(Collections.unmodifiableList(list));
    }

    /** Alternating keys and values. */
    public List<String> keyValues() {
        return keyValues;
    }

    /** The value of {@code key}, or {@code null}. */
    public String get(String key) {
        for (int i = 0; i < keyValues.size(); i += 2) {
            if (keyValues.get(i).equals(key)) {
                return keyValues.get(i + 1);
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricTags other && other.keyValues.equals(keyValues);
    }

    @Override
    public int hashCode() {
        return keyValues.hashCode();
    }

    @Override
    public String toString() {
        return keyValues.toString();
    }
}
