package dev.softdelete.core.deprecation;

import java.util.Arrays;
import java.util.Locale;

/** Why an element is deprecated; its {@link #code()} ends the deprecated name. */
public enum DeprecationReason {
    /** Nothing uses it any more. */
    UNUSED,
    /** It costs more than it gives (an index that slows writes). */
    PERFORMANCE,
    /** Replaced by another element during a migration. */
    MIGRATION,
    /** The model was reorganised. */
    REFACTOR,
    /** It holds or exposes data it should not. */
    SECURITY;

    /** The lower-case code used in names and documents, e.g. {@code unused}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The reason for a code ({@code unused}, {@code performance}, {@code migration},
     * {@code refactor}, {@code security}; case ignored).
     *
     * @throws DeprecationInputException for anything else
     */
    public static DeprecationReason parse(String code) {
        for (DeprecationReason reason : values()) {
            if (reason.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return reason;
            }
        }
        throw new DeprecationInputException("Reason code '" + code + "' is not one of "
                + Arrays.stream(values()).map(DeprecationReason::code).toList()
                + ". Pick the one that says why the element goes; nothing was planned.");
    }
}
