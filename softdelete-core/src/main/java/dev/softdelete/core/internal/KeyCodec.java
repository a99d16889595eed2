package dev.softdelete.core.internal;

import dev.softdelete.core.catalog.ColumnInfo;
import dev.softdelete.core.dialect.Dialect;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The key column types the library batches by, and how each is stored as text (batch records,
 * cursors) and turned back into a value that the database compares exactly as it compares the
 * column. Text forms are lossless: integers and decimals in plain notation, text as is, UUIDs
 * in lower-case canonical form, binary keys as lower-case hexadecimal.
 */
public enum KeyCodec {
    /** {@code BIGINT}, {@code INTEGER}, {@code SMALLINT}, {@code TINYINT}: bound as {@code Long}. */
    INTEGER("integer"),
    /** {@code NUMERIC} / {@code DECIMAL}: bound as {@code BigDecimal}. */
    DECIMAL("decimal"),
    /** {@code VARCHAR}, {@code CHAR} and their national variants: bound as {@code String}. */
    TEXT("text"),
    /** A native {@code UUID} column: bound as {@code java.util.UUID}. */
    UUID("UUID"),
    /** {@code BINARY}, {@code VARBINARY}, {@code BYTEA}: bound as {@code byte[]}, stored as hex. */
    BINARY("binary");

    private static final HexFormat HEX = HexFormat.of();

    private final String description;

    KeyCodec(String description) {
        this.description = description;
    }

    /** The codec for a column, or empty when keys of its type are not supported. */
    public static Optional<KeyCodec> of(ColumnInfo column) {
        if ("uuid".equalsIgnoreCase(column.typeName())) {
            return Optional.of(UUID);
        }
        return Optional.ofNullable(switch (column.jdbcType()) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> INTEGER;
            case Types.NUMERIC, Types.DECIMAL -> DECIMAL;
            case Types.VARCHAR, Types.CHAR, Types.NVARCHAR, Types.NCHAR -> TEXT;
            case Types.BINARY, Types.VARBINARY -> BINARY;
            default -> null;
        });
    }

    /** What kind of key this is, for messages ("integer", "UUID", ...). */
    public String description() {
        return description;
    }

    /** The key in column {@code index} as a value to bind back into a statement. */
    public Object value(ResultSet rs, int index) throws SQLException {
        return switch (this) {
            case INTEGER -> rs.getLong(index);
            case DECIMAL -> rs.getBigDecimal(index);
            case TEXT -> rs.getString(index);
            case UUID -> parse(rs.getString(index));
            case BINARY -> rs.getBytes(index);
        };
    }

    /** The key in column {@code index} as shown to people and written in JSON (binary as hex text). */
    public Object read(ResultSet rs, int index) throws SQLException {
        Object value = value(rs, index);
        return this == BINARY ? text(value) : value;
    }

    /** The stored text form of a key value read with {@link #value}. */
    public String text(Object value) {
        return switch (this) {
            case DECIMAL -> ((BigDecimal) value).toPlainString();
            case BINARY -> HEX.formatHex((byte[]) value);
            case UUID -> value.toString().toLowerCase(Locale.ROOT);
            default -> String.valueOf(value);
        };
    }

    /** A key value from its stored text form ({@link #text}). */
    public Object parse(String text) {
        return switch (this) {
            case INTEGER -> Long.valueOf(text);
            case DECIMAL -> new BigDecimal(text);
            case TEXT -> text;
            case UUID -> java.util.UUID.fromString(text);
            case BINARY -> HEX.parseHex(text);
        };
    }

    /**
     * A user-supplied key (e.g. an {@code Integer} id, a UUID or its text, bytes or their hex) as
     * a value of this key type.
     *
     * @throws IllegalArgumentException naming the value when it is not a key of this type
     */
    public Object normalize(Object id) {
        try {
            return switch (this) {
                case INTEGER -> id instanceof Number n && !(id instanceof BigDecimal) ? n.longValue()
                        : Long.valueOf(String.valueOf(id));
                case DECIMAL -> id instanceof BigDecimal b ? b : new BigDecimal(String.valueOf(id));
                case TEXT -> String.valueOf(id);
                case UUID -> id instanceof java.util.UUID u ? u : java.util.UUID.fromString(String.valueOf(id));
                case BINARY -> id instanceof byte[] b ? b : HEX.parseHex(String.valueOf(id));
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Id '" + id + "' is not a valid " + description + " key.", e);
        }
    }

    /** SQL for the stored text form of the key expression {@code key} (hex for binary keys). */
    public String textSql(Dialect dialect, String key) {
        return this == BINARY ? dialect.hexOf(key) : "CAST(" + key + " AS " + dialect.textType() + ")";
    }

    /** SQL turning the stored text form {@code text} back into a key value. */
    public String valueSql(Dialect dialect, String text) {
        return switch (this) {
            case INTEGER -> "CAST(" + text + " AS BIGINT)";
            case DECIMAL -> "CAST(" + text + " AS NUMERIC)";
            case TEXT -> text;
            case UUID -> "CAST(" + text + " AS UUID)";
            case BINARY -> dialect.bytesOfHex(text);
        };
    }

    /** Whether every database has {@code MAX} over keys of this type (PostgreSQL has none for UUID or bytes). */
    public boolean hasMax() {
        return this == INTEGER || this == DECIMAL || this == TEXT;
    }

    /** Longest key text (in UTF-8 bytes) that a digest holds as it is. */
    static final int VERBATIM_BYTES = 63;

    /**
     * What run items (before schema V5) were keyed (and undo walked them) by: unique per key, at most 65 characters,
     * whatever the key's length, and ordered like the keys where that is cheap. An integer key is
     * {@code i} and its 20-digit offset form ({@code value - Long.MIN_VALUE}), so items sort in key
     * order and a batch's items sit together in the index, as its rows do in the table's. Any other
     * key is {@code k} and its text when that takes at most {@value #VERBATIM_BYTES} UTF-8 bytes,
     * else {@code h} and the lower-case hex SHA-256 of the text; the prefixes keep the three forms
     * apart. {@link #digestSql} computes the same value in SQL.
     */
    public String digest(String text) {
        if (this == INTEGER) {
            String offset = Long.toUnsignedString(Long.parseLong(text) ^ Long.MIN_VALUE);
            return "i" + "0".repeat(20 - offset.length()) + offset;
        }
        return text.getBytes(StandardCharsets.UTF_8).length <= VERBATIM_BYTES ? "k" + text : "h" + sha256(text);
    }

    /** SQL computing {@link #digest} of the key expression {@code key}. */
    public String digestSql(Dialect dialect, String key) {
        if (this == INTEGER) {
            return "CONCAT('i', LPAD(CAST(CAST(" + key + " AS NUMERIC) + 9223372036854775808 AS " + dialect.textType()
                    + "), 20, '0'))";
        }
        String text = textSql(dialect, key);
        return "CASE WHEN OCTET_LENGTH(" + text + ") <= " + VERBATIM_BYTES + " THEN CONCAT('k', " + text
                + ") ELSE CONCAT('h', " + dialect.sha256Hex(text) + ") END";
    }

    private static String sha256(String text) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
