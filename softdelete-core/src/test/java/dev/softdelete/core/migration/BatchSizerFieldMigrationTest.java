package dev.softdelete.core.migration;

import dev.softdelete.core.internal.BatchSizer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The adaptive batch size: grow 10% when fast, shrink 20% when slow, halve on failure, within bounds. */
class BatchSizerFieldMigrationTest {

    private final BatchSizer sizer = new BatchSizer(1_000, 100, 1_500, Duration.ofMillis(500));

    @Test
    void growsTenPercentWhenFastAndShrinksTwentyPercentWhenSlowWithinBounds() {
        sizer.record(Duration.ofMillis(100));
        assertThat(sizer.size()).isEqualTo(1_100);
        sizer.record(Duration.ofMillis(450)); // within 80-100% of the target: unchanged
        assertThat(sizer.size()).isEqualTo(1_100);
        sizer.record(Duration.ofMillis(900));
        assertThat(sizer.size()).isEqualTo(880);
        for (int i = 0; i < 20; i++) {
            sizer.record(Duration.ofMillis(1));
        }
        assertThat(sizer.size()).isEqualTo(1_500);
        for (int i = 0; i < 30; i++) {
            sizer.record(Duration.ofSeconds(5));
        }
        assertThat(sizer.size()).isEqualTo(100);
    }

    @Test
    void halvesAfterAFailure() {
        sizer.failed();
        assertThat(sizer.size()).isEqualTo(500);
        sizer.failed();
        sizer.failed();
        sizer.failed();
        assertThat(sizer.size()).isEqualTo(100);
    }
}
