package dev.softdelete.proxy.internal.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Both captures ({@link CallerFrames#record()} and {@link CallerFrames#capture()}) pick the same frame by the same rules. */
class CallerFramesTest {

    private static final String HERE = CallerFramesTest.class.getName();

    @Test
    void aRecordedStackNamesTheSameCallerAsAWalk() {
        // this class lives under a default-skipped package (the library's internals): kept here
        CallerFrames frames = new CallerFrames(List.of(), List.of(HERE), List.of());
        String recorded = Caller.of(frames.record()).text();
        String walked = frames.captureText();
        assertThat(recorded).startsWith(HERE + ".aRecordedStackNamesTheSameCallerAsAWalk(CallerFramesTest.java:");
        assertThat(methodOf(recorded)).isEqualTo(methodOf(walked));
    }

    @Test
    void skippedPackagesAreSkippedInARecordedStackToo() {
        CallerFrames frames = new CallerFrames(List.of(HERE), List.of("org.junit."), List.of());
        String recorded = Caller.of(frames.record()).text();
        assertThat(recorded).doesNotStartWith(HERE).startsWith("org.junit.");
        assertThat(methodOf(recorded)).isEqualTo(methodOf(frames.captureText()));
    }

    @Test
    void anApplicationPackageWinsOverTheSkipListInARecordedStack() {
        CallerFrames frames = new CallerFrames(List.of(HERE), List.of(), List.of(HERE));
        assertThat(Caller.of(frames.record()).text()).startsWith(HERE + ".anApplicationPackageWins");
    }

    @Test
    void aStackWithNoQualifyingFrameIsUnknown() {
        CallerFrames frames = new CallerFrames(List.of(""));
        assertThat(Caller.of(frames.record()).text()).isEqualTo(CallerFrames.UNKNOWN);
        assertThat(frames.captureText()).isEqualTo(CallerFrames.UNKNOWN);
    }

    private static String methodOf(String caller) {
        return caller.substring(0, caller.indexOf('('));
    }
}
