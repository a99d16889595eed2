/**
 * The implementation of softdelete-hibernate, in sub-packages. Nothing here is API: classes are
 * public only so that other packages of this module can use them, and may change in any release.
 */
package dev.softdelete.hibernate.internal;
