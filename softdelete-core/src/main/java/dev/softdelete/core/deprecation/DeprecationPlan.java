package dev.softdelete.core.deprecation;

import dev.softdelete.core.internal.Document;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link Deprecations#apply} would do, and why; planning changes nothing. Give the plan and its
 * {@link #token()} to {@code apply}: the token is derived from the plan's content (elements, new
 * names, dependencies, usage evidence, verdicts), so apply refuses a plan whose catalog or usage
 * changed since, and a token that is not this plan's.
 *
 * @param request   what was asked
 * @param plannedAt when the plan was made (the library's clock)
 * @param day       the {@code YYYYMMDD} in the new names (UTC)
 * @param elements  the elements, in rename order
 * @param token     the confirmation token (hex SHA-256 of the content)
 */
public record DeprecationPlan(DeprecationRequest request, Instant plannedAt, String day, List<PlannedElement> elements,
        String token) {

    /** Document kind of {@link #toJson()}. */
    public static final String DOCUMENT_KIND = "deprecation-plan";

    /** Copies the list. */
    public DeprecationPlan {
        elements = List.copyOf(elements);
    }

    /** BLOCKED when any element is. */
    public Verdict verdict() {
        return blocked().isEmpty() ? Verdict.SAFE : Verdict.BLOCKED;
    }

    /** The BLOCKED elements. */
    public List<PlannedElement> blocked() {
        return elements.stream().filter(e -> e.verdict() == Verdict.BLOCKED).toList();
    }

    /** The plan as a versioned JSON document ({@value #DOCUMENT_KIND}, v1), statistics and token included. */
    public String toJson() {
        Map<String, Object> fields = content(request, day, elements, true);
        fields.put("planned_at", plannedAt);
        fields.put("verdict", verdict().name());
        fields.put("token", token);
        return Document.write(DOCUMENT_KIND, 1, fields);
    }

    static Map<String, Object> content(DeprecationRequest request, String day, List<PlannedElement> elements,
            boolean withStatistics) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("reason", request.reason().code());
        fields.put("quiet_period", request.quietPeriod());
        fields.put("day", day);
        fields.put("elements", elements.stream().map(e -> e.toMap(withStatistics)).toList());
        return fields;
    }

    /** The token of this content: what apply recomputes and compares. */
    static String tokenOf(DeprecationRequest request, String day, List<PlannedElement> elements) {
        String canonical = Document.write(DOCUMENT_KIND, 1, content(request, day, elements, false));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A short text for people: one line per element with its verdict and reasons. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Deprecation plan (" + verdict() + ", token " + token + ")");
        for (PlannedElement e : elements) {
            b.append("\n  ").append(e.step()).append(". ").append(e.type()).append(' ').append(e.qualifiedName())
                    .append(" -> ").append(e.newName()).append(": ").append(e.verdict());
            e.reasons().forEach(r -> b.append("\n     - ").append(r.code()).append(": ").append(r.message()));
        }
        return b.toString();
    }
}
