/**
 * What the analysis watches and how it classifies statements: watched elements, statement kinds,
 * confidence levels and the analysis limits. The analysis itself is internal.
 */
package dev.softdelete.proxy.analysis;
