package dev.softdelete.core.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives alerts raised by the library (cleanup worker, JDBC proxy). Hosts forward them to their
 * paging or chat tool. Called on the library's thread: return quickly and do not throw (a throwing
 * listener is logged and ignored).
 */
@FunctionalInterface
public interface AlertListener {

    /** Handles one alert; should return quickly and not throw. */
    void onAlert(Alert alert);

    /** The default: logs each alert at WARN (ERROR for critical) under {@code dev.softdelete.alert}. */
    static AlertListener logging() {
        Logger log = LoggerFactory.getLogger("dev.softdelete.alert");
        return alert -> {
            if (alert.severity() == Alert.Severity.CRITICAL) {
                log.error("[{}] {}: {} {}", alert.type(), alert.subject(), alert.message(), alert.attributes());
            } else {
                log.warn("[{}] {}: {} {}", alert.type(), alert.subject(), alert.message(), alert.attributes());
            }
        };
    }

    /** Delivers to this listener, swallowing (and logging) anything it throws. */
    default void deliverSafely(Alert alert) {
        try {
            onAlert(alert);
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(AlertListener.class).warn("Alert listener failed on {}", alert.type(), e);
        }
    }
}
