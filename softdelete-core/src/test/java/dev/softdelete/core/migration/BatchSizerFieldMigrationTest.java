package dev.softdelete.core.migration;

import dev.softdelete.core.internal.BatchSizer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The adaptive batch size: grow in proportion towards 90% of the target (at most twice), shrink 20%
 * when slow, halve on failure, within bounds.
 */
class BatchSizerFieldMigrationTest {

    private final BatchSizer sizer = new BatchSizer(1_000, 100, 1_500, Duration.ofMillis(500));

    @Test
    void growsInProportionWhenFastAndShrinksTwentyPercentWhenSlowWithinBounds() {
        BatchSizer wide = new BatchSizer(1_000, 100, 10_000, Duration.ofMillis(500));
        wide.record(Duration.ofMillis(300)); // sized for 450 ms: 1.5 times as large
        assertThat(wide.size()).isEqualTo(1_500);
        wide.record(Duration.ofMillis(1)); // at most twice as large
        assertThat(wide.size()).isEqualTo(3_000);
        wide.record(Duration.ofMillis(450)); // within 80-100% of the target: unchanged
        assertThat(wide.size()).isEqualTo(3_000);
        wide.record(Duration.ofMillis(900));
        assertThat(wide.size()).isEqualTo(2_400);

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
