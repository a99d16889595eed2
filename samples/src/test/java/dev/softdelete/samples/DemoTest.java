package dev.softdelete.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's demo command must keep working: run it end to end on embedded H2. */
class DemoTest {

    @Test
    void demoRunsEveryStepToTheEnd() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            Demo.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("Detected dialect: H2")
                .contains("sd_migration_runs")
                .contains("InvalidIdentifierException")
                .contains("RECENT_ACCESS").contains("LegacyReports.inactiveUsers")
                .contains("proxy.renamed_element_used").contains("LegacyReports.faxDirectory")
                .contains("The old name works again")
                .contains("Demo finished.");
    }
}
