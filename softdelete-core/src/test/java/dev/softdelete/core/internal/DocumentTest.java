package dev.softdelete.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.softdelete.core.UnsupportedDocumentException;
import dev.softdelete.core.cleanup.JobPayload;
import dev.softdelete.core.dialect.InvalidIdentifierException;
import dev.softdelete.core.purge.KeyRange;
import dev.softdelete.core.purge.PurgeCursor;
import dev.softdelete.core.purge.RetentionPolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Round trips of the one codec behind every persisted document, and what it refuses. */
class DocumentTest {

    @Test
    void hostileStringsRoundTripExactly() {
        List<String> values = new ArrayList<>(List.of("", "a\"b", "back\\slash", "nul\0byte", "tab\tnl\nret\r",
                "x;table=victim", "key=value;marker=updated_at", "\uD83D\uDE00 emoji", "lone \uD800 surrogate",
                "\u2028\u2029", "'; DROP TABLE t; --", "}{\"doc\":\"x\"}"));
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            char[] chars = new char[random.nextInt(20)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = (char) random.nextInt(0x10000);
            }
            values.add(new String(chars));
        }
        for (String value : values) {
            String json = Document.write("test", 1, Json.obj("s", value, "after", "kept"));
            Document d = Document.read(json, "test", 1);
            assertThat(d.string("s")).as(json).isEqualTo(value);
            assertThat(d.string("after")).isEqualTo("kept");
        }
    }

    @Test
    void typedValuesRoundTrip() {
        Instant now = Instant.parse("2026-11-30T10:15:30.123456Z");
        String json = Document.write("test", 1, Json.obj("n", Long.MIN_VALUE, "d", new BigDecimal("12.50"),
                "t", now, "p", Duration.ofDays(30), "b", true, "l", List.of(1L, "x"), "o", Map.of("k", "v"),
                "missing", null));
        Document d = Document.read(json, "test", 1);
        assertThat(d.number("n")).isEqualTo(Long.MIN_VALUE);
        assertThat(d.decimal("d")).isEqualByComparingTo("12.50");
        assertThat(d.instant("t")).isEqualTo(now);
        assertThat(d.duration("p")).isEqualTo(Duration.ofDays(30));
        assertThat(d.bool("b")).isTrue();
        assertThat(d.list("l")).isEqualTo(List.of(1L, "x"));
        assertThat(d.object("o").string("k")).isEqualTo("v");
        assertThat(d.optionalString("missing")).isNull();
        assertThat(d.version()).isEqualTo(1);
    }

    @Test
    void newerVersionOtherKindAndDamageAreRefusedClearly() {
        String v2 = Document.write("test", 2, Json.obj("a", 1));
        assertThatThrownBy(() -> Document.read(v2, "test", 1)).isInstanceOf(UnsupportedDocumentException.class)
                .hasMessageContaining("format version 2").hasMessageContaining("reads up to version 1");
        assertThatThrownBy(() -> Document.read(Document.write("other", 1, Map.of()), "test", 1))
                .isInstanceOf(UnsupportedDocumentException.class).hasMessageContaining("not a test document");
        assertThatThrownBy(() -> Document.read("table=items;action=PURGE", "test", 1))
                .isInstanceOf(UnsupportedDocumentException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> Document.read("{\"doc\":\"test\",\"v\":1}", "test", 1).string("a"))
                .isInstanceOf(UnsupportedDocumentException.class).hasMessageContaining("lacks field 'a'");
        assertThatThrownBy(() -> Document.read("{\"doc\":\"test\",\"v\":1,\"a\":5}", "test", 1).string("a"))
                .isInstanceOf(UnsupportedDocumentException.class).hasMessageContaining("not a String");
        assertThatThrownBy(() -> Document.write("test", 1, Map.of("v", 3)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parserIsStrict() {
        for (String bad : List.of("{\"a\":1,}", "{\"a\":1,\"a\":2}", "[01]", "{\"a\":\"x\ny\"}", "{\"a\":1} x",
                "{\"a\":\"\\q\"}", "{\"a\":\"\\u12\"}", "{a:1}", "[1,]", "\"unterminated", "-", "1.", ".5")) {
            assertThatThrownBy(() -> Json.read(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Json.write(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jobPayloadRoundTripsAndCannotBeRekeyedByAValue() {
        RetentionPolicy policy = RetentionPolicy.archive("items").withRetention(Duration.ofDays(7)).withBatchSize(250);
        JobPayload payload = new JobPayload(policy, Instant.parse("2026-01-01T00:00:00Z"), new KeyRange(10L, 20L));
        assertThat(JobPayload.decode(payload.encode())).isEqualTo(payload);
        assertThat(JobPayload.decode(new JobPayload(policy, Instant.EPOCH, KeyRange.ALL).encode()).range())
                .isEqualTo(KeyRange.ALL);
        assertThatThrownBy(() -> RetentionPolicy.purge("items").withArchiveTable("items_archive;marker=updated_at"))
                .isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> RetentionPolicy.purge("x;table=victim")).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void purgeCursorRoundTrips() {
        for (PurgeCursor cursor : List.of(PurgeCursor.START, new PurgeCursor(3, "a:b;c\"d"), new PurgeCursor(1, "42"))) {
            assertThat(PurgeCursor.decode(cursor.encode())).isEqualTo(cursor);
        }
        assertThat(PurgeCursor.decode(null)).isEqualTo(PurgeCursor.START);
    }
}
