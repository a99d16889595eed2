package dev.softdelete.benchmarks.proxy;

import static dev.softdelete.benchmarks.Stats.median;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * {@code benchmarks/run proxy}: the overhead of the JDBC proxy on a mixed workload, on H2 in
 * memory and PostgreSQL, against the raw pool and datasource-proxy, in one run (about 4 minutes).
 *
 * <p>{@link ProxyBenchmark} sends the units of work through the three data sources in turn, so
 * load from other processes (the build machine is small and shared) slows all three alike. Each
 * ratio is the median over the measurement iterations of that iteration's ratio. Prints
 * {@code proxy_overhead_pg}, {@code proxy_overhead_h2} (proxy time / raw time; target at most
 * 1.03), {@code proxy_vs_datasource_proxy_h2} (ours / theirs; target below 1.0), the mean time per
 * unit of work of each, and the per-statement cost of the proxy's cache lookup. Then the
 * unique-SQL workload of issue 12 ({@link UniqueSqlWorkload}): {@code proxy_unique_sql_overhead_pg}
 * (target at most 1.10), {@code proxy_unique_sql_p99_added_us} (at most 50) and
 * {@code proxy_unique_sql_hits_recorded} (equal to {@code proxy_unique_sql_hits_executed}).
 */
public final class ProxySuite {

    /** 20 watched identifiers: two on the workload's tables, the rest elsewhere in a schema. */
    static final List<String> WATCHED = List.of("bench_users.legacy_email", "customers.fax", "customers.telex",
            "orders_archive", "invoices.old_total", "invoices.vat_code_v1", "products.legacy_sku", "products.ean8",
            "shipments.carrier_code", "shipments.legacy_tracking", "accounts.pin_hash", "accounts.md5_password",
            "audit_old", "payments.card_number", "payments.cvv", "addresses.line3", "addresses.county",
            "sessions_v1", "users_backup", "bench_orders.legacy_status");

    private ProxySuite() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[args.length - 1].equals("unique")) { // benchmarks/run proxy unique: the unique-SQL part only
            try (var pool = UniqueSqlWorkload.pool(1, "setup")) {
                ProxyBenchmark.createData(pool, "postgresql"); // the schema the JMH run would have left
            }
            Map<String, String> lines = new java.util.LinkedHashMap<>();
            uniqueSql(lines);
            lines.forEach((name, value) -> System.out.println(name + "=" + value));
            return;
        }
        Options options = new OptionsBuilder()
                .include(ProxyBenchmark.class.getName() + ".interleaved")
                .forks(1)
                .warmupIterations(5)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(25)
                .measurementTime(TimeValue.seconds(3))
                .jvmArgsAppend("-Xmx1g")
                .shouldFailOnError(true)
                .build();
        Map<String, String> lines = new java.util.LinkedHashMap<>();
        for (RunResult result : run(options)) {
            String db = result.getParams().getParam("database").equals("postgresql") ? "pg" : "h2";
            List<Double> overhead = new ArrayList<>();
            List<Double> versus = new ArrayList<>();
            Map<String, double[]> totals = new HashMap<>();
            for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
                for (IterationResult iteration : benchmark.getIterationResults()) {
                    Map<String, Result> secondary = iteration.getSecondaryResults();
                    double[] micros = new double[ProxyBenchmark.MODES.length];
                    for (int m = 0; m < micros.length; m++) {
                        String mode = ProxyBenchmark.MODES[m];
                        double nanos = secondary.get(mode + "Nanos").getScore();
                        double ops = secondary.get(mode + "Ops").getScore();
                        micros[m] = nanos / ops / 1000;
                        double[] total = totals.computeIfAbsent(mode, k -> new double[2]);
                        total[0] += nanos;
                        total[1] += ops;
                    }
                    overhead.add(micros[1] / micros[0]);
                    versus.add(micros[1] / micros[2]);
                }
            }
            totals.forEach((mode, t) -> lines.put("proxy_mixed_us_" + db + "_" + mode, format(t[0] / t[1] / 1000)));
            lines.put("proxy_overhead_" + db, format(median(overhead)));
            lines.put("proxy_vs_datasource_proxy_" + db, format(median(versus)));
        }
        lines.put("proxy_lookup_ns_per_statement", format(lookupNanos()));
        uniqueSql(lines);
        lines.forEach((name, value) -> System.out.println(name + "=" + value));
    }

    /**
     * The unique-SQL workload ({@link UniqueSqlWorkload}) on PostgreSQL (the schema the JMH run
     * left behind), 1 and 4 threads, {@value #UNIQUE_ROUNDS} rounds each of {@value #UNIQUE_STATEMENTS} statements per data source after {@value #UNIQUE_WARMUP_ROUNDS} warm-up rounds:
     * medians with the spread (min..max) over the rounds.
     */
    private static void uniqueSql(Map<String, String> lines) throws Exception {
        List<Double> overheadAll = new ArrayList<>();
        List<Double> p99All = new ArrayList<>();
        long executed = 0;
        long recorded = 0;
        long dropped = 0;
        for (int threads : new int[] {1, 4}) {
            try (var pools = UniqueSqlWorkload.pools(threads)) {
                // warm-up: as JMH would, until the code of every contender is compiled (C2 compiles a
                // method after about 10,000 calls, and each contender gets a third of the statements)
                for (int w = 0; w < UNIQUE_WARMUP_ROUNDS; w++) {
                    UniqueSqlWorkload.round(pools, threads, UNIQUE_STATEMENTS / threads);
                }
                List<Double> overhead = new ArrayList<>();
                List<Double> versus = new ArrayList<>();
                List<Double> p99 = new ArrayList<>();
                List<Double> p50 = new ArrayList<>();
                for (int r = 0; r < UNIQUE_ROUNDS; r++) {
                    UniqueSqlWorkload.Round round = UniqueSqlWorkload.round(pools, threads, UNIQUE_STATEMENTS / threads);
                    overhead.add(round.overhead());
                    versus.add(round.versusDatasourceProxy());
                    p99.add(round.p99AddedMicros());
                    p50.add(round.p50AddedMicros());
                    executed += round.hitsExecuted();
                    recorded += round.hitsRecorded();
                    dropped += round.dropped();
                }
                String t = "_" + threads + "t";
                lines.put("proxy_unique_sql_overhead_pg" + t, spread(overhead));
                lines.put("proxy_unique_sql_vs_datasource_proxy_pg" + t, spread(versus));
                lines.put("proxy_unique_sql_p99_added_us" + t, spread(p99));
                lines.put("proxy_unique_sql_p50_added_us" + t, spread(p50));
                overheadAll.addAll(overhead);
                p99All.addAll(p99);
            }
        }
        lines.put("proxy_unique_sql_overhead_pg", format(median(overheadAll)));
        lines.put("proxy_unique_sql_p99_added_us", format(median(p99All)));
        lines.put("proxy_unique_sql_hits_executed", Long.toString(executed));
        lines.put("proxy_unique_sql_hits_recorded", Long.toString(recorded));
        lines.put("proxy_unique_sql_evidence_dropped", Long.toString(dropped));
    }

    private static final int UNIQUE_ROUNDS = 5;
    private static final int UNIQUE_WARMUP_ROUNDS = 3;
    /** Statements per data source per round, shared by the threads. */
    private static final int UNIQUE_STATEMENTS = 8_000;

    private static String spread(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return format(median(values)) + " (" + format(sorted.get(0)) + ".." + format(sorted.get(sorted.size() - 1)) + ")";
    }

    /** The per-statement cost on the query thread for SQL already analysed, in nanoseconds. */
    private static double lookupNanos() throws Exception {
        Options options = new OptionsBuilder()
                .include(StatementLookupBenchmark.class.getName())
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(10)
                .measurementTime(TimeValue.milliseconds(500))
                .build();
        List<Double> scores = new ArrayList<>();
        for (RunResult result : run(options)) {
            result.getBenchmarkResults().forEach(b -> b.getIterationResults()
                    .forEach(i -> scores.add(i.getPrimaryResult().getScore())));
        }
        return median(scores);
    }

    /** JMH's progress goes to stderr: stdout carries only the name=value results. */
    private static Iterable<RunResult> run(Options options) throws Exception {
        return new Runner(options, OutputFormatFactory.createFormatInstance(System.err, VerboseMode.NORMAL)).run();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
