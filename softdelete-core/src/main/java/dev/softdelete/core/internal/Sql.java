package dev.softdelete.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A piece of SQL and the values its {@code ?} placeholders take, in order. Immutable: every
 * {@code append} returns a new fragment, so text and parameters always line up and a fragment
 * can be reused in several statements.
 *
 * @param text   SQL text with {@code ?} placeholders; identifiers in it are validated and quoted
 *               by the dialect before they get here
 * @param params the placeholders' values, in order
 */
public record Sql(String text, List<Object> params) {

    private static final Sql EMPTY = new Sql("", List.of());

    public Sql {
        params = List.copyOf(params);
    }

    /** The empty fragment. */
    public static Sql empty() {
        return EMPTY;
    }

    /** A fragment of {@code text} with its parameters (none may be null; bind NULL in the text instead). */
    public static Sql of(String text, Object... params) {
        return new Sql(text, List.of(params));
    }

    /** This fragment followed by {@code more} (no parameters). */
    public Sql append(String more) {
        return new Sql(text + more, params);
    }

    /** This fragment followed by {@code more} and its one parameter. */
    public Sql append(String more, Object param) {
        List<Object> all = new ArrayList<>(params);
        all.add(param);
        return new Sql(text + more, all);
    }

    /** This fragment followed by {@code other}. */
    public Sql append(Sql other) {
        return join("", other);
    }

    /** This fragment and {@code other} joined by {@code separator}. */
    public Sql join(String separator, Sql other) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(other.params);
        return new Sql(text + separator + other.text, all);
    }

    /** The parameters as an array, for varargs JDBC helpers. */
    public Object[] args() {
        return params.toArray();
    }

    /** Parameters of this fragment preceded by {@code before} and followed by {@code after}. */
    public Object[] bind(List<Object> before, Object... after) {
        List<Object> all = new ArrayList<>(before);
        all.addAll(params);
        all.addAll(Arrays.asList(after));
        return all.toArray();
    }

    @Override
    public String toString() {
        return text + " " + params;
    }
}
