package dev.softdelete.proxy.analysis;

/** A statement touches a watched element. */
public record Hit(WatchedElement element, Confidence confidence) {
}
