package dev.softdelete.core.logging;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Puts structured keys into the SLF4J MDC for the duration of a block and restores what was
 * there before, also when the block throws:
 *
 * <pre>{@code
 * try (LogContext ctx = LogContext.with(LogContext.RUN_ID, runId).and(LogContext.ENTITY, "products")) {
 *     log.info("batch done");
 * }
 * }</pre>
 */
public final class LogContext implements AutoCloseable {

    /** MDC key of the run id. */
    public static final String RUN_ID = "run_id";
    /** MDC key of the table (or entity) being worked on. */
    public static final String ENTITY = "entity";
    /** MDC key of a row count. */
    public static final String COUNT = "count";
    /** MDC key of a duration, in milliseconds. */
    public static final String DURATION_MS = "duration_ms";
    /** MDC key of a status (of a run or job). */
    public static final String STATUS = "status";

    private final Map<String, String> previous = new LinkedHashMap<>();

    private LogContext() {
    }

    /** A context with one key set. */
    public static LogContext with(String key, Object value) {
        return new LogContext().and(key, value);
    }

    /** Sets one more key (its previous value is restored on close). */
    public LogContext and(String key, Object value) {
        if (!previous.containsKey(key)) {
            previous.put(key, MDC.get(key));
        }
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, String.valueOf(value));
        }
        return this;
    }

    /** Restores the keys this context set to their previous values (removed when there were none). */
    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }
}
