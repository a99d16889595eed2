package dev.softdelete.proxy.internal.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Queue;

/**
 * Answers "might this SQL mention any of these names?" in one pass over the string, ignoring
 * case: an Aho-Corasick automaton over ASCII. Statements that cannot mention a watched name or a
 * soft-deletable table are never parsed. False positives are fine (the parser decides), false
 * negatives are not: any non-ASCII character simply restarts matching, and names are ASCII.
 */
final class NamePrefilter {

    private static final int ALPHABET = 128;

    /** next[state][char]: a complete transition table (failure links folded in). */
    private final int[][] next;
    private final boolean[] accepting;

    NamePrefilter(Collection<String> names) {
        List<int[]> gotoTable = new ArrayList<>();
        List<Boolean> accept = new ArrayList<>();
        gotoTable.add(newRow());
        accept.add(false);
        for (String name : names) {
            int state = 0;
            for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
                if (c >= ALPHABET) {
                    throw new IllegalArgumentException("Non-ASCII name: " + name);
                }
                if (gotoTable.get(state)[c] <= 0) {
                    gotoTable.add(newRow());
                    accept.add(false);
                    gotoTable.get(state)[c] = gotoTable.size() - 1;
                }
                state = gotoTable.get(state)[c];
            }
            accept.set(state, true);
        }
        int states = gotoTable.size();
        next = gotoTable.toArray(new int[states][]);
        accepting = new boolean[states];
        for (int i = 0; i < states; i++) {
            accepting[i] = accept.get(i);
        }
        int[] fail = new int[states];
        Queue<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < ALPHABET; c++) {
            if (next[0][c] > 0) {
                fail[next[0][c]] = 0;
                queue.add(next[0][c]);
            } else {
                next[0][c] = 0;
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.remove();
            accepting[s] |= accepting[fail[s]];
            for (int c = 0; c < ALPHABET; c++) {
                int t = next[s][c];
                if (t > 0) {
                    fail[t] = next[fail[s]][c];
                    queue.add(t);
                } else {
                    next[s][c] = next[fail[s]][c];
                }
            }
        }
    }

    private static int[] newRow() {
        int[] row = new int[ALPHABET];
        java.util.Arrays.fill(row, -1);
        return row;
    }

    /** Whether {@code sql} contains any of the names, ignoring ASCII case. */
    boolean mightMatch(String sql) {
        if (next.length == 1) {
            return false;
        }
        int state = 0;
        for (int i = 0, n = sql.length(); i < n; i++) {
            char c = sql.charAt(i);
            if (c >= ALPHABET) {
                state = 0;
                continue;
            }
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            state = next[state][c];
            if (accepting[state]) {
                return true;
            }
        }
        return false;
    }
}
