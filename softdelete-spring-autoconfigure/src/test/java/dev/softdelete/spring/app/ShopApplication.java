package dev.softdelete.spring.app;

import dev.softdelete.core.ActorProvider;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A small real application: Boot's auto-configuration from the classpath, one soft-deletable entity. */
@SpringBootApplication
public class ShopApplication {

    /** Who is acting, as a host application would declare it. */
    @Bean
    ActorProvider shopActor() {
        return () -> "shop-admin";
    }
}
