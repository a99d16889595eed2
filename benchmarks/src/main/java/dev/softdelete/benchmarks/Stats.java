package dev.softdelete.benchmarks;

import java.util.Collection;
import java.util.List;

/** The statistics every suite prints: the median of repeated measurements (their spread is min-max). */
public final class Stats {

    private Stats() {
    }

    /** The median of {@code values} (the mean of the two middle ones for an even count). */
    public static double median(Collection<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
