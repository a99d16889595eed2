/**
 * The narrow context core's features are built with. Not API.
 */
package dev.softdelete.core.internal.context;
