package dev.softdelete.core.internal;

import dev.softdelete.core.UnsupportedDocumentException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A versioned JSON document the library persists: run specs, job payloads, cursors, audit
 * details. Each is an object whose {@code "doc"} names its kind and {@code "v"} its format
 * version; a reader accepts its own kind up to the version it knows and refuses a newer one with
 * {@link UnsupportedDocumentException}, so an older instance never misreads what a newer one
 * wrote. Values are read through typed getters that say which field of which document is wrong.
 *
 * <pre>{@code
 * String json = Document.write("job-payload", 1, Json.obj("table", "products", "cutoff", cutoff));
 * Document d = Document.read(json, "job-payload", 1);
 * Instant cutoff = d.instant("cutoff");
 * }</pre>
 */
public final class Document {

    private final String kind;
    private final Map<String, Object> fields;

    private Document(String kind, Map<String, Object> fields) {
        this.kind = kind;
        this.fields = fields;
    }

    /** JSON text of {@code fields} with the envelope's {@code doc} and {@code v} first. */
    public static String write(String kind, int version, Map<String, ?> fields) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("doc", kind);
        all.put("v", version);
        fields.forEach((k, v) -> {
            if (all.containsKey(k)) {
                throw new IllegalArgumentException("Field '" + k + "' is reserved in a " + kind + " document");
            }
            all.put(k, v);
        });
        return Json.write(all);
    }

    /**
     * Parses a document of {@code kind} written in a format version up to {@code maxVersion}.
     *
     * @throws UnsupportedDocumentException when it is another kind, a newer version, or not JSON
     */
    public static Document read(String json, String kind, int maxVersion) {
        Object parsed;
        try {
            parsed = Json.read(Objects.requireNonNull(json, "json"));
        } catch (IllegalArgumentException e) {
            throw new UnsupportedDocumentException("Stored " + kind + " document is not valid JSON (" + e.getMessage()
                    + "); it was not written by this library.", e);
        }
        if (!(parsed instanceof Map<?, ?> map) || !kind.equals(map.get("doc"))) {
            throw new UnsupportedDocumentException("Stored document is not a " + kind + " document: "
                    + abbreviate(json) + ".", null);
        }
        Object v = map.get("v");
        if (!(v instanceof Long version) || version < 1) {
            throw new UnsupportedDocumentException("Stored " + kind + " document has no valid format version: "
                    + abbreviate(json) + ".", null);
        }
        if (version > maxVersion) {
            throw new UnsupportedDocumentException("Stored " + kind + " document has format version " + version
                    + ", written by a newer version of softdelete; this instance reads up to version " + maxVersion
                    + ". Upgrade this instance (or let an upgraded one handle it); nothing was changed.", null);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) map;
        return new Document(kind, fields);
    }

    /** The format version the document was written in. */
    public int version() {
        return ((Long) fields.get("v")).intValue();
    }

    public boolean has(String field) {
        return fields.get(field) != null;
    }

    /** A required string. */
    public String string(String field) {
        return as(field, String.class);
    }

    /** An optional string ({@code null} when absent). */
    public String optionalString(String field) {
        return has(field) ? string(field) : null;
    }

    /** A required whole number. */
    public long number(String field) {
        return as(field, Long.class);
    }

    /** An optional whole number ({@code null} when absent). */
    public Long optionalNumber(String field) {
        return has(field) ? number(field) : null;
    }

    /** A required decimal number. */
    public BigDecimal decimal(String field) {
        Object value = require(field);
        if (value instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        return as(field, BigDecimal.class);
    }

    public boolean bool(String field) {
        return as(field, Boolean.class);
    }

    public Instant instant(String field) {
        try {
            return Instant.parse(string(field));
        } catch (DateTimeParseException e) {
            throw invalid(field, "an ISO-8601 instant");
        }
    }

    public Duration duration(String field) {
        try {
            return Duration.parse(string(field));
        } catch (DateTimeParseException e) {
            throw invalid(field, "an ISO-8601 duration");
        }
    }

    /** A required enum constant, by name. */
    public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        try {
            return Enum.valueOf(type, string(field));
        } catch (IllegalArgumentException e) {
            throw invalid(field, "one of " + List.of(type.getEnumConstants()));
        }
    }

    /** A required array. */
    public List<?> list(String field) {
        return as(field, List.class);
    }

    /** A required nested object, as a document of the same kind and version. */
    public Document object(String field) {
        return nested(field, as(field, Map.class));
    }

    /** An element of an array field that must be an object, as a nested document. */
    public Document nested(String field, Object element) {
        if (!(element instanceof Map<?, ?> map)) {
            throw invalid(field, "a list of objects");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> inner = new LinkedHashMap<>((Map<String, Object>) map);
        inner.put("v", fields.get("v"));
        return new Document(kind, inner);
    }

    /** The raw value of a field ({@code null} when absent). */
    public Object raw(String field) {
        return fields.get(field);
    }

    private Object require(String field) {
        Object value = fields.get(field);
        if (value == null) {
            throw new UnsupportedDocumentException("Stored " + kind + " document lacks field '" + field + "'.", null);
        }
        return value;
    }

    private <T> T as(String field, Class<T> type) {
        Object value = require(field);
        if (!type.isInstance(value)) {
            throw invalid(field, "a " + type.getSimpleName());
        }
        return type.cast(value);
    }

    private UnsupportedDocumentException invalid(String field, String expected) {
        return new UnsupportedDocumentException("Field '" + field + "' of a stored " + kind + " document is not "
                + expected + ": " + abbreviate(String.valueOf(fields.get(field))) + ".", null);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
