package dev.softdelete.benchmarks.proxy;

import dev.softdelete.core.dialect.H2Dialect;
import dev.softdelete.core.table.SoftDeletableTable;
import dev.softdelete.proxy.analysis.AnalysisSettings;
import dev.softdelete.proxy.analysis.WatchedElement;
import dev.softdelete.proxy.internal.analysis.Analysis;
import dev.softdelete.proxy.internal.analysis.NameCase;
import dev.softdelete.proxy.internal.analysis.SqlAnalyzer;
import dev.softdelete.proxy.internal.analysis.WatchList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the proxy adds to each statement on the query thread once a SQL string has been seen: the
 * analysis cache lookup. Measured without a database, so it is not drowned by the database's own
 * time; the mixed workload runs it about 13 times per unit of work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StatementLookupBenchmark {

    private static final String SQL = "SELECT u.id, u.email, u.name FROM bench_users u WHERE u.id = ? AND u.deleted_at IS NULL";
    private SqlAnalyzer analyzer;

    @Setup
    public void setUp() {
        List<WatchedElement> watched = ProxySuite.WATCHED.stream().map(WatchedElement::parse).toList();
        H2Dialect h2 = new H2Dialect("2.3");
        analyzer = new SqlAnalyzer(h2.syntax(), new WatchList(NameCase.of(h2), watched,
                List.of(SoftDeletableTable.of("bench_users"))), AnalysisSettings.DEFAULTS);
        analyzer.analyze(SQL);
    }

    @Benchmark
    public Analysis cachedLookup() {
        return analyzer.cached(SQL);
    }
}
