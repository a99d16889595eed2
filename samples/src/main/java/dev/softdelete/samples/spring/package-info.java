/**
 * The demo's product catalogue as a Spring Boot application: {@code @SoftDeletable} entities
 * (users, products, assets, product-asset links, product attributes) behind REST endpoints an
 * operator of such a catalogue expects (delete, list deleted, restore, delete permanently), the
 * library wired by {@code softdelete-spring-autoconfigure}, and its Actuator endpoint exposed.
 * Run it with {@code ./mvnw -q -pl samples -am -Pspring -DskipTests verify}.
 */
package dev.softdelete.samples.spring;
