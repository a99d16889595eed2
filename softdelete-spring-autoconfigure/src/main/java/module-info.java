/**
 * Spring Boot 4 auto-configuration for softdelete. Optional integrations (Hibernate, Micrometer)
 * are {@code requires static}: they are wired only when the host application has them.
 */
module dev.softdelete.spring {
    requires dev.softdelete.core;
    requires static dev.softdelete.hibernate;
    requires static jakarta.persistence;
    requires static spring.boot.hibernate;
    requires static dev.softdelete.proxy;
    requires static spring.boot.health;
    requires static spring.boot.actuator;
    requires static spring.boot.actuator.autoconfigure;
    requires static micrometer.core;
    requires static micrometer.observation;
    requires static flyway.core;
    requires org.slf4j;
    requires spring.beans;
    requires spring.boot;
    requires spring.boot.autoconfigure;
    requires spring.context;
    requires spring.core;

    exports dev.softdelete.spring;
    // Spring instantiates configuration classes and binds properties reflectively.
    opens dev.softdelete.spring to spring.core, spring.beans, spring.context;
}
