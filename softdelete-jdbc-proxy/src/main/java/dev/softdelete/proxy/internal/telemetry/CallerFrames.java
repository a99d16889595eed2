package dev.softdelete.proxy.internal.telemetry;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the application's frame that issued a statement: the first stack frame outside the JDK,
 * JDBC drivers, pools, Hibernate, Spring, generated proxies and this library. Walked lazily with
 * {@link StackWalker}, and only when a statement hits something (never on the common path).
 */
public final class CallerFrames {

    /** Packages that are never "the caller". */
    public static final List<String> DEFAULT_SKIPPED = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "jakarta.", "org.hibernate.", "org.springframework.", "com.zaxxer.hikari.", "org.h2.", "org.postgresql.",
            "org.mariadb.jdbc.", "com.mysql.", "net.ttddyy.", "com.p6spy.", "org.jboss.", "net.bytebuddy.",
            "org.apache.commons.dbcp", "org.apache.tomcat.jdbc.", "dev.softdelete.core.", "dev.softdelete.hibernate.",
            "dev.softdelete.spring.", "dev.softdelete.proxy.internal.", "dev.softdelete.proxy.jdbc.",
            "dev.softdelete.proxy.SoftDeleteProxy");

    private static final StackWalker WALKER = StackWalker.getInstance();

    private final String[] skipped;

    public CallerFrames(List<String> extraSkipped) {
        List<String> all = new ArrayList<>(DEFAULT_SKIPPED);
        all.addAll(extraSkipped);
        this.skipped = all.toArray(String[]::new);
    }

    /** {@code com.acme.Orders.load(Orders.java:42)}, or {@code unknown} when every frame is skipped. */
    public String capture() {
        return WALKER.walk(frames -> frames.filter(f -> !skipped(f.getClassName()))
                .findFirst()
                .map(f -> f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")")
                .orElse("unknown"));
    }

    private boolean skipped(String className) {
        if (className.contains("$$")) {
            return true; // CGLIB / ByteBuddy generated proxies
        }
        for (String prefix : skipped) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
