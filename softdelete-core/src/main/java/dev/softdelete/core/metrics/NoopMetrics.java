package dev.softdelete.core.metrics;

/** The default {@link SoftDeleteMetrics}: every method inherited as a no-op. */
final class NoopMetrics implements SoftDeleteMetrics {

    static final NoopMetrics INSTANCE = new NoopMetrics();

    private NoopMetrics() {
    }

    @Override
    public String toString() {
        return "SoftDeleteMetrics.noop()";
    }
}
