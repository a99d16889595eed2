package dev.softdelete.core.deprecation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to deprecate and why: one reason for every element of the batch, and the quiet period
 * (default 14 days) an element must have gone without recorded access to be SAFE.
 *
 * <pre>{@code
 * DeprecationRequest request = DeprecationRequest.of("unused",
 *         DeprecationTarget.column("users", "legacy_email"), DeprecationTarget.table("old_audit"));
 * }</pre>
 *
 * @param reason      the reason code
 * @param targets     the elements, renamed in this order (rolled back in the reverse order)
 * @param quietPeriod how long without recorded access makes an element SAFE
 */
public record DeprecationRequest(DeprecationReason reason, List<DeprecationTarget> targets, Duration quietPeriod) {

    /** The default quiet period, 14 days. */
    public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofDays(14);

    /** Checks the parts. */
    public DeprecationRequest {
        Objects.requireNonNull(reason, "reason");
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new DeprecationInputException("A deprecation needs at least one element: give the tables,"
                    + " columns, indexes or constraints to deprecate.");
        }
        if (quietPeriod == null || quietPeriod.isNegative()) {
            throw new DeprecationInputException("Quiet period " + quietPeriod + " is not a duration of zero or"
                    + " more.");
        }
    }

    /**
     * A request with the default quiet period.
     *
     * @throws DeprecationInputException for a reason code outside the list or no target
     */
    public static DeprecationRequest of(String reasonCode, DeprecationTarget... targets) {
        return new DeprecationRequest(DeprecationReason.parse(reasonCode), List.of(targets), DEFAULT_QUIET_PERIOD);
    }

    /** A request with the default quiet period. */
    public static DeprecationRequest of(DeprecationReason reason, List<DeprecationTarget> targets) {
        return new DeprecationRequest(reason, new ArrayList<>(targets), DEFAULT_QUIET_PERIOD);
    }

    /** The same request with another quiet period. */
    public DeprecationRequest withQuietPeriod(Duration quietPeriod) {
        return new DeprecationRequest(reason, targets, quietPeriod);
    }
}
