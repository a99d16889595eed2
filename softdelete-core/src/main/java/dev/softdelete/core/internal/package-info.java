/**
 * Internal helpers shared by core's packages: the SQL fragment type and the versioned JSON
 * document codec. Not API.
 */
package dev.softdelete.core.internal;
