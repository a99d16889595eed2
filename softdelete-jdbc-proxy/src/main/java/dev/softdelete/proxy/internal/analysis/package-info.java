/**
 * Internal: SQL analysis (prefilter, JSqlParser AST walk, token-scan fallback, cache) and the
 * watch list it matches against, with names compared as the database's dialect does. Not API; may
 * change in any release.
 */
package dev.softdelete.proxy.internal.analysis;
