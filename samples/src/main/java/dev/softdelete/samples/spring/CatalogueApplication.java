package dev.softdelete.samples.spring;

import dev.softdelete.core.ActorProvider;
import dev.softdelete.samples.catalogue.CatalogueProduct;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The catalogue application. Its own schema comes from Flyway ({@code db/catalogue}); the library's
 * tables from the library's own initializer, which keeps its versions in {@code sd_schema_version},
 * so the application's {@code V1__} and the library's never meet (see {@code docs/schema.md}).
 */
@SpringBootApplication
@EntityScan(basePackageClasses = CatalogueProduct.class)
public class CatalogueApplication {

    /** Who is acting when no request says so (start-up, scheduled work). */
    static final String DEFAULT_ACTOR = "catalogue-app";

    /** The request header naming the actor; an application with Spring Security would use the principal. */
    static final String ACTOR_HEADER = "X-Actor";

    public static void main(String[] args) {
        SpringApplication.run(CatalogueApplication.class, args);
    }

    /**
     * Who deletes, restores and purges: recorded in {@code deleted_by}, in runs and in the audit log.
     * Here the {@value #ACTOR_HEADER} header of the current request.
     */
    @Bean
    ActorProvider catalogueActor() {
        return () -> {
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
                String actor = request.getRequest().getHeader(ACTOR_HEADER);
                if (actor != null && !actor.isBlank()) {
                    return actor;
                }
            }
            return DEFAULT_ACTOR;
        };
    }
}
