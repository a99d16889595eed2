package dev.softdelete.core.runs;

import dev.softdelete.core.UnsupportedDocumentException;
import dev.softdelete.core.runs.rule.InvalidRuleException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * A rule value stored in a run spec with its Java type, so that a resumed run binds exactly what
 * the first call bound: the type's name and the value's lossless text form.
 */
final class TypedValue {

    private static final Map<String, Function<String, Object>> PARSERS = Map.ofEntries(
            Map.entry("string", s -> s), Map.entry("int", Integer::valueOf), Map.entry("long", Long::valueOf),
            Map.entry("short", Short::valueOf), Map.entry("byte", Byte::valueOf),
            Map.entry("biginteger", BigInteger::new), Map.entry("decimal", BigDecimal::new),
            Map.entry("double", Double::valueOf), Map.entry("float", Float::valueOf),
            Map.entry("boolean", Boolean::valueOf), Map.entry("date", LocalDate::parse),
            Map.entry("datetime", LocalDateTime::parse), Map.entry("time", LocalTime::parse),
            Map.entry("offsetdatetime", OffsetDateTime::parse), Map.entry("instant", Instant::parse),
            Map.entry("uuid", UUID::fromString));

    private static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("string", String.class), Map.entry("int", Integer.class), Map.entry("long", Long.class),
            Map.entry("short", Short.class), Map.entry("byte", Byte.class), Map.entry("biginteger", BigInteger.class),
            Map.entry("decimal", BigDecimal.class), Map.entry("double", Double.class), Map.entry("float", Float.class),
            Map.entry("boolean", Boolean.class), Map.entry("date", LocalDate.class),
            Map.entry("datetime", LocalDateTime.class), Map.entry("time", LocalTime.class),
            Map.entry("offsetdatetime", OffsetDateTime.class), Map.entry("instant", Instant.class),
            Map.entry("uuid", UUID.class));

    private TypedValue() {
    }

    /** The stored type name of {@code value}; enums are bound by name, so they are stored as strings. */
    static String typeOf(Object value) {
        Class<?> type = value.getClass();
        if (value instanceof Enum<?>) {
            return "string";
        }
        for (Map.Entry<String, Class<?>> e : TYPES.entrySet()) {
            if (e.getValue() == type) {
                return e.getKey();
            }
        }
        throw new InvalidRuleException("A rule value of type " + type.getName()
                + " cannot be stored with the run, so the run could not be resumed. Use a String, a number,"
                + " a Boolean, an enum, a UUID or a java.time date or time.");
    }

    /** The lossless text form of {@code value}. */
    static String text(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof BigDecimal b) {
            return b.toString();
        }
        return String.valueOf(value);
    }

    /** The value a stored type name and text stand for. */
    static Object parse(String type, String text) {
        Function<String, Object> parser = PARSERS.get(type);
        if (parser == null) {
            throw new UnsupportedDocumentException("A stored run spec has a rule value of unknown type '" + type
                    + "'; it was written by a newer version of the library.", null);
        }
        return parser.apply(text);
    }
}
