package dev.softdelete.hibernate.internal.event;

import dev.softdelete.hibernate.event.SoftDeleteEvent;
import dev.softdelete.hibernate.event.SoftDeleteListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registered listeners of one session factory; a failing listener never breaks the caller. */
public final class SoftDeleteListeners {

    private static final Logger LOG = LoggerFactory.getLogger(SoftDeleteListeners.class);

    private final List<SoftDeleteListener> listeners = new CopyOnWriteArrayList<>();

    public void add(SoftDeleteListener listener) {
        listeners.add(listener);
    }

    public void remove(SoftDeleteListener listener) {
        listeners.remove(listener);
    }

    /** Whether any listener is registered (events are not even built otherwise). */
    public boolean any() {
        return !listeners.isEmpty();
    }

    public void softDeleted(SoftDeleteEvent event) {
        fire(event, SoftDeleteListener::softDeleted);
    }

    public void restored(SoftDeleteEvent event) {
        fire(event, SoftDeleteListener::restored);
    }

    public void hardDeleted(SoftDeleteEvent event) {
        fire(event, SoftDeleteListener::hardDeleted);
    }

    private void fire(SoftDeleteEvent event, BiConsumer<SoftDeleteListener, SoftDeleteEvent> call) {
        for (SoftDeleteListener listener : listeners) {
            try {
                call.accept(listener, event);
            } catch (RuntimeException e) {
                LOG.warn("Soft-delete listener {} failed on {}: {}", listener, event, e.toString(), e);
            }
        }
    }
}
