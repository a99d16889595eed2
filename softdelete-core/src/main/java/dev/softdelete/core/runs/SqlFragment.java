package dev.softdelete.core.runs;

import java.util.ArrayList;
import java.util.List;

/** A piece of SQL and the parameters its {@code ?} placeholders take, in order. */
record SqlFragment(String sql, List<Object> params) {

    SqlFragment {
        params = List.copyOf(params);
    }

    static SqlFragment of(String sql, Object... params) {
        return new SqlFragment(sql, List.of(params));
    }

    /** This fragment and {@code other} joined by {@code separator}. */
    SqlFragment join(String separator, SqlFragment other) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(other.params);
        return new SqlFragment(sql + separator + other.sql, all);
    }

    /** Parameters of this fragment preceded by {@code before} and followed by {@code after}. */
    Object[] bind(List<Object> before, Object... after) {
        List<Object> all = new ArrayList<>(before);
        all.addAll(params);
        all.addAll(java.util.Arrays.asList(after));
        return all.toArray();
    }
}
