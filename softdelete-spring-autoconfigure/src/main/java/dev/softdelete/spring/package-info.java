/**
 * Spring Boot 4 auto-configuration: a {@code SoftDelete} bean on the host's data source and meter
 * registry, the Hibernate integration, and opt-in cleanup workers.
 */
package dev.softdelete.spring;
