package dev.softdelete.proxy.internal.analysis;

import dev.softdelete.proxy.analysis.Confidence;
import dev.softdelete.proxy.analysis.WatchedElement;

/** A statement touches a watched element. */
public record Hit(WatchedElement element, Confidence confidence) {
}
