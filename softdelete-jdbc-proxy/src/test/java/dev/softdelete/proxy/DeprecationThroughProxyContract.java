package dev.softdelete.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.alert.Alert;
import dev.softdelete.core.deprecation.DeprecatedElementStatus;
import dev.softdelete.core.deprecation.DeprecationPlan;
import dev.softdelete.core.deprecation.DeprecationRequest;
import dev.softdelete.core.deprecation.DeprecationResult;
import dev.softdelete.core.deprecation.DeprecationTarget;
import dev.softdelete.core.deprecation.Verdict;
import dev.softdelete.core.time.SettableClock;
import dev.softdelete.proxy.analysis.WatchedElement;
import dev.softdelete.proxy.telemetry.UsageRecord;
import dev.softdelete.testing.DatabaseTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The deprecation workflow through the proxy: it watches what {@code deprecations().watch} and
 * {@code apply} register at once (no restart, no refresh wait), and a statement still using the
 * old name after apply fails in the database and is recorded with its caller, and alerted.
 */
public abstract class DeprecationThroughProxyContract extends DatabaseTest {

    private static final Instant START = Instant.parse("2026-11-01T09:00:00Z");
    private final SettableClock clock = new SettableClock(START);
    private final List<Alert> alerts = new CopyOnWriteArrayList<>();

    private static String legacyQuery(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT legacy_code FROM accounts WHERE id = 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static boolean watches(SoftDeleteProxy proxy, String table, String column) {
        return proxy.watched().stream().anyMatch(w -> w.table().equalsIgnoreCase(table)
                && column.equalsIgnoreCase(w.column()));
    }

    @Test
    void oldNameAfterApplyFailsAndIsRecordedWithItsCallerThenRollbackRestoresIt() throws Exception {
        db.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, legacy_code VARCHAR(20), name VARCHAR(20))",
                "INSERT INTO accounts (id, legacy_code, name) VALUES (1, 'L-1', 'one')");
        SoftDelete sd = softDelete(b -> b.clock(clock).instanceId("instance-a"));
        try (SoftDeleteProxy proxy = SoftDeleteProxy.builder(dataSource()).telemetry(sd).alerts(alerts::add)
                .registryRefresh(Duration.ofHours(1)).analysisWait(Duration.ofSeconds(5)).build()) {
            assertThat(watches(proxy, "accounts", "legacy_code")).isFalse();
            sd.deprecations().watch("unused", DeprecationTarget.column("accounts", "legacy_code"));
            assertThat(watches(proxy, "accounts", "legacy_code")).as("watched at once, no refresh").isTrue();

            clock.advance(Duration.ofDays(15));
            DeprecationPlan plan = sd.deprecations().plan(DeprecationRequest.of("unused",
                    DeprecationTarget.column("accounts", "legacy_code")));
            assertThat(plan.verdict()).as(plan.toString()).isEqualTo(Verdict.SAFE);
            DeprecationResult result = sd.deprecations().apply(plan, plan.token());
            String newName = result.elements().get(0).newName();
            assertThat(watches(proxy, "accounts", newName)).as("the deprecated name is watched at once").isTrue();
            assertThat(watches(proxy, "accounts", "legacy_code")).isTrue();

            clock.advance(Duration.ofHours(1));
            assertThatThrownBy(() -> legacyQuery(proxy)).as("the database refuses the old name")
                    .isInstanceOf(SQLException.class);
            UsageRecord usage = proxy.usage().stream().filter(u -> u.element().equalsIgnoreCase("accounts.legacy_code"))
                    .findFirst().orElseThrow();
            assertThat(usage.caller()).startsWith(DeprecationThroughProxyContract.class.getName() + ".legacyQuery(");
            assertThat(alerts).filteredOn(a -> a.type().equals(ProxyAlertTypes.RENAMED_ELEMENT_USED)).singleElement()
                    .satisfies(a -> {
                        assertThat(a.attributes().get("caller")).contains("DeprecationThroughProxyContract.legacyQuery");
                        assertThat(a.attributes().get("renamed_to")).isEqualTo(newName);
                        assertThat(a.severity()).isEqualTo(Alert.Severity.CRITICAL);
                    });
            proxy.flush();
            DeprecatedElementStatus status = sd.deprecations().status().elements().stream()
                    .filter(e -> e.table().equalsIgnoreCase("accounts")).findFirst().orElseThrow();
            assertThat(status.accessesSinceDeprecation()).isEqualTo(1);
            assertThat(status.lastCaller()).contains("DeprecationThroughProxyContract.legacyQuery");
            assertThat(status.removal()).isEqualTo(DeprecatedElementStatus.Removal.IN_USE);

            sd.deprecations().rollback(result.runId());
            assertThat(legacyQuery(proxy)).isEqualTo("L-1");
            assertThat(alerts).filteredOn(a -> a.type().equals(ProxyAlertTypes.RENAMED_ELEMENT_USED)).hasSize(1);
            assertThat(proxy.watched()).as("rolled back: back in service, no longer watched")
                    .extracting(WatchedElement::key).map(k -> k.toLowerCase(Locale.ROOT))
                    .doesNotContain("accounts.legacy_code", ("accounts." + newName).toLowerCase(Locale.ROOT));
        }
    }

    private static String reportQuery(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT region FROM reports WHERE id = 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void anAccessThroughTheProxyWithinTheQuietPeriodBlocksThePlan() throws Exception {
        db.execute("CREATE TABLE reports (id INTEGER PRIMARY KEY, region VARCHAR(20))",
                "INSERT INTO reports (id, region) VALUES (1, 'north')");
        SoftDelete sd = softDelete(b -> b.clock(clock).instanceId("instance-b"));
        try (SoftDeleteProxy proxy = SoftDeleteProxy.builder(dataSource()).telemetry(sd).alerts(alerts::add)
                .registryRefresh(Duration.ofHours(1)).analysisWait(Duration.ofSeconds(5)).build()) {
            sd.deprecations().watch("unused", DeprecationTarget.column("reports", "region"));
            clock.advance(Duration.ofDays(20));
            assertThat(reportQuery(proxy)).isEqualTo("north");
            proxy.flush();
            clock.advance(Duration.ofDays(1));
            DeprecationPlan plan = sd.deprecations().plan(DeprecationRequest.of("unused",
                    DeprecationTarget.column("reports", "region")));
            assertThat(plan.verdict()).isEqualTo(Verdict.BLOCKED);
            assertThat(plan.elements().get(0).reasons()).extracting(r -> r.code()).containsExactly("RECENT_ACCESS");
            assertThat(plan.elements().get(0).evidence().callers()).singleElement().asString()
                    .startsWith(DeprecationThroughProxyContract.class.getName() + ".reportQuery(");
            assertThat(plan.elements().get(0).evidence().instances()).containsExactly("instance-b");
        }
    }
}
