package dev.softdelete.core.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.softdelete.core.runs.rule.Rule;
import dev.softdelete.core.runs.rule.RuleSet;
import dev.softdelete.core.table.SoftDeletableTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Run specs keep rule values' types (v2) and still read v1. No database. */
class RunSpecTest {

    @Test
    void inactiveValuesComeBackWithTheirTypes() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        RuleSet rules = RuleSet.on("t").rule(Rule.inactive("a", LocalDate.of(2020, 2, 29)))
                .rule(Rule.inactive("b", new BigDecimal("1.50"))).rule(Rule.inactive("c", 7))
                .rule(Rule.inactive("d", UUID.fromString("0f0e0d0c-0b0a-0908-0706-050403020100")))
                .rule(Rule.inactive("e", "2020-02-29")).build();
        RunSpec spec = RunSpec.fromJson(new RunSpec(SoftDeletableTable.of("t"), rules, at, at).toJson());
        assertThat(spec.rules().rules()).extracting(r -> ((Rule.Inactive) r).value())
                .containsExactly(LocalDate.of(2020, 2, 29), new BigDecimal("1.50"), 7,
                        UUID.fromString("0f0e0d0c-0b0a-0908-0706-050403020100"), "2020-02-29");
    }

    @Test
    void readsVersionOneSpecs() {
        String v1 = "{\"doc\":\"run-spec\",\"v\":1,\"table\":\"t\",\"key\":\"id\",\"marker\":\"deleted_at\","
                + "\"deletedBy\":null,\"asOf\":\"2026-01-01T00:00:00Z\",\"runMarker\":\"2026-01-01T00:00:00Z\","
                + "\"rules\":[{\"type\":\"inactive\",\"column\":\"status\",\"value\":\"OLD\"}],\"exclusions\":[]}";
        RunSpec spec = RunSpec.fromJson(v1);
        assertThat(((Rule.Inactive) spec.rules().rules().get(0)).value()).isEqualTo("OLD");
    }
}
