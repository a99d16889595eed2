package dev.softdelete.core.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.softdelete.core.internal.BatchSizer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunOptionsTest {

    @Test
    void theDefaultBatchSizeAdaptsAndAnExplicitOneIsFixed() {
        RunOptions defaults = RunOptions.defaults();
        assertThat(defaults.adaptiveBatchSize()).isTrue();
        assertThat(defaults.targetBatchDuration()).isEqualTo(Duration.ofMillis(500));
        BatchSizer adaptive = defaults.sizer();
        adaptive.record(Duration.ofMillis(10));
        assertThat(adaptive.size()).isEqualTo(2_000);
        adaptive.record(Duration.ofSeconds(2));
        assertThat(adaptive.size()).isEqualTo(1_600);

        RunOptions fixed = defaults.withBatchSize(250);
        assertThat(fixed.adaptiveBatchSize()).isFalse();
        BatchSizer sizer = fixed.sizer();
        sizer.record(Duration.ofMillis(1));
        sizer.failed();
        assertThat(sizer.size()).isEqualTo(250);

        assertThat(fixed.withTargetBatchDuration(Duration.ofSeconds(1)).sizer().size()).isEqualTo(250);
    }

    @Test
    void anAdaptiveSizeStaysWithinItsBounds() {
        BatchSizer sizer = RunOptions.defaults().withBatchSize(58_000).withTargetBatchDuration(Duration.ofSeconds(1))
                .sizer();
        sizer.record(Duration.ofMillis(1));
        assertThat(sizer.size()).isEqualTo(RunOptions.MAX_BATCH);
        for (int i = 0; i < 100; i++) {
            sizer.failed();
        }
        assertThat(sizer.size()).isEqualTo(RunOptions.MIN_ADAPTIVE_BATCH);
        assertThat(RunOptions.defaults().withBatchSize(10).withTargetBatchDuration(Duration.ofSeconds(1)).sizer().size())
                .isEqualTo(10);
    }

    @Test
    void aTargetDurationMustBePositive() {
        assertThatThrownBy(() -> RunOptions.defaults().withTargetBatchDuration(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targetBatchDuration");
    }
}
