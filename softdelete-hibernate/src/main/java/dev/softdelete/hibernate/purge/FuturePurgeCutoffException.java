package dev.softdelete.hibernate.purge;

import dev.softdelete.core.SoftDeleteException;
import java.time.Instant;

/** A purge cutoff lies in the future: it would purge rows deleted a moment ago. */
public class FuturePurgeCutoffException extends SoftDeleteException {

    /**
     * @param entity the entity's label
     * @param cutoff the cutoff passed
     * @param now    the clock's instant it was compared with
     */
    public FuturePurgeCutoffException(String entity, Instant cutoff, Instant now) {
        super("Refusing to purge " + entity + " with cutoff " + cutoff + ", which is after now (" + now
                + "). Pass an instant in the past, e.g. now minus the retention period. Nothing was deleted.");
    }
}
