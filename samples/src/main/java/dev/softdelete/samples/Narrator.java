package dev.softdelete.samples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Prints the demo in readable steps: headings, sentences and small tables. */
final class Narrator {

    private final PrintStream out;
    private int step;

    Narrator(PrintStream out) {
        this.out = out;
    }

    void heading(String title) {
        step++;
        out.println();
        out.println("== Step " + step + ": " + title + " " + "=".repeat(Math.max(3, 70 - title.length())));
    }

    void say(String format, Object... args) {
        out.println("  " + String.format(format, args));
    }

    /** Prints rows as an aligned table; the first row is the header. */
    void table(List<List<String>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], String.valueOf(row.get(i)).length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < columns; i++) {
                cells.add(String.format("%-" + widths[i] + "s", rows.get(r).get(i)));
            }
            out.println("    " + String.join("  ", cells).stripTrailing());
            if (r == 0) {
                out.println("    " + "-".repeat(String.join("  ", cells).stripTrailing().length()));
            }
        }
    }
}
