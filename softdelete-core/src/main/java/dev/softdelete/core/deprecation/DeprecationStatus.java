package dev.softdelete.core.deprecation;

import dev.softdelete.core.internal.Document;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dashboard data: every deprecation registry row with its usage and removal verdict.
 *
 * @param at         when it was read
 * @param coolingOff the cooling-off period the removal verdicts use
 * @param elements   one per registry row, oldest first
 */
public record DeprecationStatus(Instant at, Duration coolingOff, List<DeprecatedElementStatus> elements) {

    /** Default cooling-off period before removal may be considered: 30 days. */
    public static final Duration DEFAULT_COOLING_OFF = Duration.ofDays(30);

    /** Copies the list. */
    public DeprecationStatus {
        elements = List.copyOf(elements);
    }

    /** Number of rows per state. */
    public Map<DeprecationState, Long> countByState() {
        Map<DeprecationState, Long> out = new LinkedHashMap<>();
        for (DeprecationState s : DeprecationState.values()) {
            out.put(s, elements.stream().filter(e -> e.state() == s).count());
        }
        return out;
    }

    /** Accesses recorded since deprecation, over every APPLIED element. */
    public long accessesAfterDeprecation() {
        return elements.stream().mapToLong(DeprecatedElementStatus::accessesSinceDeprecation).sum();
    }

    /** As a versioned JSON document ({@code deprecation-status}, v1). */
    public String toJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("at", at);
        fields.put("cooling_off", coolingOff);
        Map<String, Object> counts = new LinkedHashMap<>();
        countByState().forEach((k, v) -> counts.put(k.name(), v));
        fields.put("counts", counts);
        fields.put("accesses_after_deprecation", accessesAfterDeprecation());
        fields.put("elements", elements.stream().map(DeprecatedElementStatus::toMap).toList());
        return Document.write("deprecation-status", 1, fields);
    }
}
