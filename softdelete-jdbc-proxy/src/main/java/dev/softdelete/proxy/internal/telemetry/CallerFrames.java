package dev.softdelete.proxy.internal.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the application's frame that issued a statement. {@link #capture()} runs on the query
 * thread and is kept cheap: a {@link StackWalker} without class references walks lazily from the
 * top and stops at the first frame that decides (at most {@value #MAX_DEPTH} frames), and the
 * frame is kept as it is; turning it into text ({@link #format(StackWalker.StackFrame)}, which
 * resolves the line number) happens later on the analysis thread.
 *
 * <p>Which frame: the first one in an {@linkplain #CallerFrames(List, List, List) application
 * package}, if any is given and one is found; otherwise the first frame outside the skipped
 * packages (JDK, JDBC drivers, pools, Hibernate, Spring, generated proxies and this library by
 * default) and not a generated class ({@code $$}).
 */
public final class CallerFrames {

    /** Packages that are never "the caller" unless kept or listed as application packages. */
    public static final List<String> DEFAULT_SKIPPED = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "jakarta.", "org.hibernate.", "org.springframework.", "com.zaxxer.hikari.", "org.h2.", "org.postgresql.",
            "org.mariadb.jdbc.", "com.mysql.", "net.ttddyy.", "com.p6spy.", "org.jboss.", "net.bytebuddy.",
            "org.apache.commons.dbcp", "org.apache.tomcat.jdbc.", "dev.softdelete.core.", "dev.softdelete.hibernate.",
            "dev.softdelete.spring.", "dev.softdelete.proxy.internal.", "dev.softdelete.proxy.jdbc.",
            "dev.softdelete.proxy.SoftDeleteProxy");

    /** Frames walked at most per capture. */
    static final int MAX_DEPTH = 256;

    /** What {@link #format} gives when no frame qualifies. */
    public static final String UNKNOWN = "unknown";

    private static final StackWalker WALKER = StackWalker.getInstance(Set.of(), 32);

    private final String[] skipped;
    private final String[] application;

    /**
     * @param extraSkipped  prefixes skipped besides the defaults
     * @param kept          prefixes taken out of the skip list: a default entry equal to one is
     *                      dropped, and a class under one is never skipped
     * @param application   the application's own packages: the first frame under one is the caller
     */
    public CallerFrames(List<String> extraSkipped, List<String> kept, List<String> application) {
        List<String> all = new ArrayList<>(DEFAULT_SKIPPED);
        all.removeAll(kept);
        all.addAll(extraSkipped);
        this.skipped = all.toArray(String[]::new);
        List<String> keep = new ArrayList<>(application);
        this.application = keep.toArray(String[]::new);
        this.kept = kept.toArray(String[]::new);
    }

    private final String[] kept;

    /** Uses only the default skip list. */
    public CallerFrames(List<String> extraSkipped) {
        this(extraSkipped, List.of(), List.of());
    }

    /** The calling frame, unformatted, or null when no frame qualifies (query thread; cheap). */
    public StackWalker.StackFrame capture() {
        return WALKER.walk(frames -> {
            StackWalker.StackFrame firstOutside = null;
            var it = frames.limit(MAX_DEPTH).iterator();
            while (it.hasNext()) {
                StackWalker.StackFrame f = it.next();
                String name = f.getClassName();
                if (application.length > 0 && startsWithAny(name, application)) {
                    return f;
                }
                if (firstOutside == null && !skipped(name)) {
                    if (application.length == 0) {
                        return f;
                    }
                    firstOutside = f;
                }
            }
            return firstOutside;
        });
    }

    /** {@code com.acme.Orders.load(Orders.java:42)}, or {@value #UNKNOWN} for null. */
    public static String format(StackWalker.StackFrame f) {
        if (f == null) {
            return UNKNOWN;
        }
        return f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")";
    }

    /** Captures and formats now (the caller of a strict-mode refusal, tests). */
    public String captureText() {
        return format(capture());
    }

    private boolean skipped(String className) {
        if (className.contains("$$")) {
            return true; // CGLIB / ByteBuddy generated proxies
        }
        if (kept.length > 0 && startsWithAny(className, kept)) {
            return false;
        }
        return startsWithAny(className, skipped);
    }

    private static boolean startsWithAny(String name, String[] prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
