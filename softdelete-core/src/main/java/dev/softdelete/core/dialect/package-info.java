/**
 * Everything that differs between databases, behind {@link dev.softdelete.core.dialect.Dialect}:
 * identifiers, syntax, capabilities and statements whose form differs.
 */
package dev.softdelete.core.dialect;
