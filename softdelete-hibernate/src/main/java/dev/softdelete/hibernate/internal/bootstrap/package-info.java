/**
 * The service-loaded hooks Hibernate calls while it builds a session factory (service contributor,
 * mapping contributor, integrator), the per-factory runtime they share, and the statement inspector
 * that fills in and enforces soft deletes. Internal: may change in any release.
 */
package dev.softdelete.hibernate.internal.bootstrap;
