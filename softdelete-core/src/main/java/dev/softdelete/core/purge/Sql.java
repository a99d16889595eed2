package dev.softdelete.core.purge;

import java.util.ArrayList;
import java.util.List;

/** SQL text with its positional parameters, built left to right so they always line up. */
final class Sql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    Sql append(String sql) {
        text.append(sql);
        return this;
    }

    Sql append(String sql, Object param) {
        text.append(sql);
        params.add(param);
        return this;
    }

    Sql append(Sql other) {
        text.append(other.text);
        params.addAll(other.params);
        return this;
    }

    String text() {
        return text.toString();
    }

    Object[] params() {
        return params.toArray();
    }

    @Override
    public String toString() {
        return text + " " + params;
    }
}
