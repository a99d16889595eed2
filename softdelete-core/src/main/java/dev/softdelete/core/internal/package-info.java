/**
 * Internal helpers shared by core's packages: the SQL fragment type, the versioned JSON
 * document codec and the key codec. Not API.
 */
package dev.softdelete.core.internal;
