package dev.softdelete.proxy.internal.telemetry;

/**
 * The frame that issued a statement, turned into text only when someone reads it. Resolving a
 * frame's line number and building its text cost about a microsecond; a hot statement is recorded
 * thousands of times a second and only the latest caller per element is ever shown, so the query
 * thread keeps the frame and the text is built at most once, by whoever reads it first.
 */
final class Caller {

    private final StackWalker.StackFrame frame;
    private String text; // racy memo: every thread computes the same string

    private Caller(StackWalker.StackFrame frame, String text) {
        this.frame = frame;
        this.text = text;
    }

    /** A captured frame (null when none qualified), formatted later. */
    static Caller of(StackWalker.StackFrame frame) {
        return new Caller(frame, null);
    }

    /** An already formatted caller (read back from the usage table). */
    static Caller text(String text) {
        return new Caller(null, text);
    }

    /** The caller as {@code class.method(File.java:line)}, or {@value CallerFrames#UNKNOWN}. */
    String text() {
        String t = text;
        if (t == null) {
            t = CallerFrames.format(frame);
            text = t;
        }
        return t;
    }

    @Override
    public String toString() {
        return text();
    }
}
