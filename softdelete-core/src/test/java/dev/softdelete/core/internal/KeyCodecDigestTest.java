package dev.softdelete.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Run items are keyed by digests: unique per key, short, and in key order for integer keys. */
class KeyCodecDigestTest {

    @Test
    void integerDigestsSortLikeTheKeysAndAreFixedWidth() {
        Random random = new Random(3);
        List<Long> keys = new ArrayList<>(List.of(Long.MIN_VALUE, -1L, 0L, 1L, 9L, 10L, Long.MAX_VALUE));
        for (int i = 0; i < 1_000; i++) {
            keys.add(random.nextLong());
        }
        List<Long> byDigest = new ArrayList<>(keys);
        byDigest.sort((a, b) -> KeyCodec.INTEGER.digest(a.toString()).compareTo(KeyCodec.INTEGER.digest(b.toString())));
        assertThat(byDigest).isSorted();
        assertThat(keys).allSatisfy(k -> assertThat(KeyCodec.INTEGER.digest(k.toString())).hasSize(21).startsWith("i"));
    }

    @Test
    void textDigestsKeepShortKeysVerbatimHashLongOnesAndNeverCollideAcrossForms() {
        String verbatim = "x".repeat(63);
        String hashed = "x".repeat(64);
        assertThat(KeyCodec.TEXT.digest(verbatim)).isEqualTo("k" + verbatim);
        assertThat(KeyCodec.TEXT.digest(hashed)).startsWith("h").hasSize(65);
        assertThat(KeyCodec.TEXT.digest("é".repeat(32))).as("64 UTF-8 bytes").startsWith("h");
        // A short key spelling out another key's hash stays distinct from it.
        String spoof = KeyCodec.TEXT.digest(hashed).substring(1);
        assertThat(KeyCodec.TEXT.digest(spoof)).isNotEqualTo(KeyCodec.TEXT.digest(hashed));
        assertThat(new HashSet<>(List.of(KeyCodec.TEXT.digest("abc"), KeyCodec.TEXT.digest("ABC")))).hasSize(2);
    }
}
