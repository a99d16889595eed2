package dev.softdelete.samples;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.metrics.micrometer.MicrometerMetrics;
import dev.softdelete.core.time.SettableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The runnable demo: a small product catalogue on embedded H2, and what softdelete does to it,
 * step by step. Run it with {@code ./mvnw -q -pl samples -am -Pdemo -DskipTests verify}.
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        // A fresh database per run, so the demo can run twice in one JVM (as its test does).
        h2.setURL("jdbc:h2:mem:catalogue_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");

        Narrator out = new Narrator(System.out);
        out.say("softdelete demo: a product catalogue on embedded H2 (no server needed).");
        CatalogueSchema.create(h2);
        SampleData.load(h2);

        SettableClock clock = new SettableClock(Instant.parse("2026-11-22T09:00:00Z"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SoftDelete softDelete = SoftDelete.builder(h2)
                .clock(clock)
                .metrics(MicrometerMetrics.of(registry))
                .actorProvider(() -> "demo-operator")
                .build();
        DemoContext context = new DemoContext(h2, softDelete, clock, registry, out);

        // Each capability adds its step here, in the order a new user would meet them.
        // PurgeStep stays last: it moves the clock past the retention window.
        List<DemoStep> steps = List.of(new FoundationStep(), new HibernateSoftDeleteStep(), new RunsStep(),
                new ProxyStep(), new DeprecationStep(), new FieldMigrationStep(), new PurgeStep());
        for (DemoStep step : steps) {
            out.heading(step.title());
            step.run(context);
        }
        out.say("");
        out.say("Demo finished.");
    }
}
