package dev.softdelete.proxy.internal.telemetry;

/**
 * The frame that issued a statement, turned into text only when someone reads it.
 *
 * <p>Two ways to capture it, both on the query thread ({@link CallerFrames}): a walk that stops
 * at the calling frame, for a statement whose caller is needed at once (a leak is keyed by its
 * caller), or the stack as the JVM records it for an exception, for everything else. The second
 * costs a fraction of the first and builds no object per frame; its frames are resolved (names,
 * line numbers) only when the text is read, off the query thread for a statement analysed later,
 * and at most once per caller: a hot element keeps only its latest caller, so most captured stacks
 * are never resolved at all.
 */
final class Caller {

    private final StackWalker.StackFrame frame;
    private final CallerFrames.Stack stack;
    private String text; // racy memo: every thread computes the same string

    private Caller(StackWalker.StackFrame frame, CallerFrames.Stack stack, String text) {
        this.frame = frame;
        this.stack = stack;
        this.text = text;
    }

    /** A frame found by a walk (null when none qualified), formatted later. */
    static Caller of(StackWalker.StackFrame frame) {
        return new Caller(frame, null, null);
    }

    /** A recorded stack, searched for the calling frame when first read. */
    static Caller of(CallerFrames.Stack stack) {
        return new Caller(null, stack, null);
    }

    /** An already formatted caller (read back from the usage table). */
    static Caller text(String text) {
        return new Caller(null, null, text);
    }

    /** The caller as {@code class.method(File.java:line)}, or {@value CallerFrames#UNKNOWN}. */
    String text() {
        String t = text;
        if (t == null) {
            t = stack != null ? stack.callerText() : CallerFrames.format(frame);
            text = t;
        }
        return t;
    }

    @Override
    public String toString() {
        return text();
    }
}
