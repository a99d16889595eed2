/**
 * Spring Boot 4 auto-configuration: a {@code SoftDelete} bean on the host's data source and meter
 * registry, the Hibernate integration, opt-in cleanup workers, the opt-in JDBC proxy around the
 * host's data source, and a health indicator.
 */
package dev.softdelete.spring;
