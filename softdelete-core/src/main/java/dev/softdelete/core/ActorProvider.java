package dev.softdelete.core;

/**
 * Who is acting: recorded as {@code deleted_by}, as a run's operator and in the audit log.
 * Hosts plug in their security context; the default is the OS user running the JVM.
 */
@FunctionalInterface
public interface ActorProvider {

    /** The current actor, or {@code null} when unknown. */
    String currentActor();

    /** The OS user running this JVM. */
    static ActorProvider systemUser() {
        String user = System.getProperty("user.name", "unknown");
        return () -> user;
    }

    /** Always the same actor (useful for batch jobs and tests). */
    static ActorProvider fixed(String actor) {
        return () -> actor;
    }
}
