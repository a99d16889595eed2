package dev.softdelete.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.softdelete.core.metrics.MetricNames;
import dev.softdelete.proxy.ProxyMetricNames;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The operator-facing observability files under {@code docs/observability} agree with the code:
 * every metric the Prometheus rules and the Grafana dashboard query is one the code registers, in
 * the form Micrometer's Prometheus registry gives it (counters {@code _total}, timers
 * {@code _seconds_count|sum|max|bucket}, gauges as named); every registered meter is listed in
 * {@code docs/observability.md}; and the rules pass their unit tests ({@code promtool test rules}).
 */
class AlertRulesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path DOCS = ROOT.resolve("docs/observability");
    /** A registration through the metrics SPI (or a helper named after it): {@code metrics.count(MetricNames.RUNS, ...)}. */
    private static final Pattern REGISTRATION = Pattern.compile(
            "\\b(count|time|summary|gauge|longTask)\\(\\s*((?:Proxy)?MetricNames)\\.([A-Z_]+)");
    private static final Pattern QUERIED = Pattern.compile("\\bsoftdelete_[a-z_]+");

    /** Meter name (dotted) to its type, from every registration in the modules' main sources. */
    static Map<String, String> registeredMeters() throws IOException {
        Map<String, String> constants = new HashMap<>();
        for (Class<?> names : List.of(MetricNames.class, ProxyMetricNames.class)) {
            for (Field f : names.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                    try {
                        constants.put(names.getSimpleName() + "." + f.getName(), (String) f.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        Map<String, String> meters = new TreeMap<>();
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(ROOT, 12)) {
            sources = walk.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))
                    .filter(p -> ROOT.relativize(p).getName(0).toString().startsWith("softdelete-"))
                    .toList();
        }
        for (Path source : sources) {
            Matcher m = REGISTRATION.matcher(Files.readString(source, StandardCharsets.UTF_8));
            while (m.find()) {
                String name = constants.get(m.group(2) + "." + m.group(3));
                assertThat(name).as("constant %s.%s used in %s", m.group(2), m.group(3), source).isNotNull();
                String previous = meters.put(name, m.group(1));
                assertThat(previous == null || previous.equals(m.group(1)))
                        .as("%s registered as both %s and %s", name, previous, m.group(1)).isTrue();
            }
        }
        return meters;
    }

    /** The names Micrometer's Prometheus registry exposes for the registered meters. */
    static Set<String> prometheusNames(Map<String, String> meters) {
        Set<String> names = new TreeSet<>();
        meters.forEach((name, type) -> {
            String base = name.replace('.', '_');
            switch (type) {
                case "count" -> names.add(base + "_total");
                case "time" -> List.of("_count", "_sum", "_max", "_bucket").forEach(s -> names.add(base + "_seconds" + s));
                case "summary" -> List.of("_count", "_sum", "_max", "_bucket").forEach(s -> names.add(base + s));
                case "longTask" -> List.of("_active_count", "_duration_sum", "_max")
                        .forEach(s -> names.add(base + "_seconds" + s));
                default -> names.add(base);
            }
        });
        return names;
    }

    private static Set<String> queried(Path file) throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher m = QUERIED.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    @Test
    void theCodeRegistersTheMetersWeDocument() throws IOException {
        Map<String, String> meters = registeredMeters();
        assertThat(meters).containsEntry(MetricNames.OPERATIONS, "count")
                .containsEntry(MetricNames.OPERATIONS_DURATION, "time")
                .containsEntry(MetricNames.CLEANUP_QUEUE_LENGTH, "gauge")
                .containsEntry(ProxyMetricNames.CACHE_BYTES, "gauge");
        String doc = Files.readString(ROOT.resolve("docs/observability.md"), StandardCharsets.UTF_8);
        assertThat(meters.keySet()).as("every registered meter is listed in docs/observability.md")
                .allSatisfy(name -> assertThat(doc).contains("`" + name + "`"));
    }

    @Test
    void everyMetricTheAlertRulesQueryIsOneTheCodeRegisters() throws IOException {
        Set<String> rules = queried(DOCS.resolve("prometheus-rules.yml"));
        assertThat(rules).isNotEmpty();
        assertThat(prometheusNames(registeredMeters())).containsAll(rules);
    }

    @Test
    void everyMetricTheDashboardQueriesIsOneTheCodeRegisters() throws IOException {
        Set<String> dashboard = queried(DOCS.resolve("grafana-dashboard.json"));
        assertThat(dashboard).isNotEmpty();
        assertThat(prometheusNames(registeredMeters())).containsAll(dashboard);
    }

    @Test
    void theAlertRulesPassTheirPromtoolUnitTests() throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("promtool", "test", "rules", "prometheus-rules.test.yml")
                    .directory(DOCS.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            String message = "promtool is not installed (Debian: apt-get install prometheus)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + ": CI=true requires it (.ci/run installs it).", e);
            }
            Assumptions.abort(message + ": skipping. Set CI=true to make this a failure.");
            return;
        }
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("promtool finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("SUCCESS");
    }
}
