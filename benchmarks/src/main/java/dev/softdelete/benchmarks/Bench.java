package dev.softdelete.benchmarks;

import java.lang.reflect.Method;
import java.util.Locale;

/**
 * Runs one benchmark suite: {@code benchmarks/run <suite>} calls
 * {@code dev.softdelete.benchmarks.<suite>.<Suite>Suite.main(args)}. Suites print their results as
 * {@code name=value} lines on standard output; everything else goes to standard error.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: benchmarks/run <suite> [args...]   (suites: hibernate, runs, purge, proxy, deprecation, backfill)");
            System.exit(2);
        }
        String suite = args[0].toLowerCase(Locale.ROOT);
        String className = "dev.softdelete.benchmarks." + suite + "."
                + Character.toUpperCase(suite.charAt(0)) + suite.substring(1) + "Suite";
        Class<?> type;
        try {
            type = Class.forName(className);
        } catch (ClassNotFoundException e) {
            System.err.println("No benchmark suite '" + suite + "' (looked for " + className + ")");
            System.exit(2);
            return;
        }
        String[] rest = new String[args.length - 1];
        System.arraycopy(args, 1, rest, 0, rest.length);
        Method main = type.getMethod("main", String[].class);
        main.invoke(null, (Object) rest);
    }
}
