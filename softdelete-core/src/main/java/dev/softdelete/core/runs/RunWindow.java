package dev.softdelete.core.runs;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The daily time window a background run may work in, e.g. 01:00-05:00 in {@code Europe/Paris}:
 * outside it the run's workers pause it by themselves, inside it they resume it. A window whose
 * end is before its start spans midnight (22:00-04:00).
 *
 * @param from start of the window (inclusive), local time in {@code zone}
 * @param to   end of the window (exclusive), local time in {@code zone}; not equal to {@code from}
 * @param zone the time zone the times are in
 */
public record RunWindow(LocalTime from, LocalTime to, ZoneId zone) {

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException when {@code from} equals {@code to}
     */
    public RunWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        if (from.equals(to)) {
            throw new IllegalArgumentException("A run window needs a start and an end that differ, got " + from + " twice.");
        }
    }

    /** A window from {@code from} to {@code to} in {@code zone}. */
    public static RunWindow between(LocalTime from, LocalTime to, ZoneId zone) {
        return new RunWindow(from, to, zone);
    }

    /** Whether {@code instant} falls inside the window. */
    public boolean contains(Instant instant) {
        LocalTime t = instant.atZone(zone).toLocalTime();
        return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }

    @Override
    public String toString() {
        return from + "-" + to + " " + zone;
    }
}
