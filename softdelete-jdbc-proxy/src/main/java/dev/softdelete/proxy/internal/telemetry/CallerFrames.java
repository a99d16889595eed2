package dev.softdelete.proxy.internal.telemetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the application's frame that issued a statement. Both captures run on the query thread:
 * <ul>
 * <li>{@link #record()} keeps the stack as the JVM records it for an exception: no object per
 * frame and no call back into Java; on JDK 17 about a fifth of a walk's cost when the caller is at
 * the bottom of a shallow stack, a seventh on a 55-frame one; the frames are searched when the
 * caller is first read ({@link Stack#callerText()}). Used for every statement whose caller is not
 * needed at once.</li>
 * <li>{@link #capture()} walks with a {@link StackWalker} from the top, in small batches, and stops
 * at the first frame that decides (at most {@value #MAX_DEPTH} frames); the frame is kept as it
 * is and formatted ({@link #format(StackWalker.StackFrame)}, which resolves the line number) when
 * read. Used where the caller's text is needed now: a leak is recorded per caller.</li>
 * </ul>
 * On JDK 17 a walk also slows the statement around it by several times its own CPU time (measured
 * in the unique-SQL benchmark; a busy loop of the same length does not), which is why the recorded
 * stack is the default.
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

    /**
     * The first batch is small: the calling frame is usually a few frames below the driver
     * wrapper, and the JDK builds an object pair for every frame of a batch, used or not.
     */
    private static final StackWalker WALKER = StackWalker.getInstance(Set.of(), 8);

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

    /**
     * The stack of the current thread as recorded for an exception (query thread; cheapest), to be
     * searched for the calling frame when read.
     */
    public Stack record() {
        return new Stack(this);
    }

    /** The calling frame, unformatted, or null when no frame qualifies (query thread; cheap). */
    public StackWalker.StackFrame capture() {
        return WALKER.walk(frames -> select(frames.limit(MAX_DEPTH).iterator(), StackWalker.StackFrame::getClassName));
    }

    /**
     * The first frame under an application package if any is given and found, else the first
     * frame that is not skipped; null when none qualifies.
     */
    private <F> F select(Iterator<F> frames, Function<F, String> className) {
        F firstOutside = null;
        while (frames.hasNext()) {
            F f = frames.next();
            String name = className.apply(f);
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
    }

    /**
     * A thread's stack as the JVM records it for an exception: filled in natively when constructed,
     * turned into frames only by {@link #callerText()}. Never thrown; no suppressed list, no message.
     */
    public static final class Stack extends Throwable {

        private static final long serialVersionUID = 1L;
        private final transient CallerFrames rules;

        Stack(CallerFrames rules) {
            super(null, null, false, true);
            this.rules = rules;
        }

        /** The calling frame as {@code class.method(File.java:line)}, or {@value #UNKNOWN}. */
        public String callerText() {
            StackTraceElement[] trace = getStackTrace();
            StackTraceElement e = rules.select(Arrays.asList(trace).subList(0, Math.min(trace.length, MAX_DEPTH)).iterator(),
                    StackTraceElement::getClassName);
            return e == null ? UNKNOWN : text(e.getClassName(), e.getMethodName(), e.getFileName(), e.getLineNumber());
        }
    }

    /** {@code com.acme.Orders.load(Orders.java:42)}, or {@value #UNKNOWN} for null. */
    public static String format(StackWalker.StackFrame f) {
        if (f == null) {
            return UNKNOWN;
        }
        return text(f.getClassName(), f.getMethodName(), f.getFileName(), f.getLineNumber());
    }

    private static String text(String className, String method, String file, int line) {
        return className + "." + method + "(" + file + ":" + line + ")";
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
