package dev.softdelete.spring;

import dev.softdelete.testing.IsolatedDatabase;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;

/**
 * The auto-configurations as Boot applies them: ours read from
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports} (never
 * named by hand), next to Boot's own DataSource and Hibernate JPA auto-configurations, all sorted by
 * Boot's {@code @AutoConfiguration(before/after)} rules.
 */
final class BootAutoConfigurations {

    private BootAutoConfigurations() {
    }

    /** Our auto-configuration classes, as listed in the imports file. */
    static List<Class<?>> ours() {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : ImportCandidates.load(AutoConfiguration.class, BootAutoConfigurations.class.getClassLoader())) {
            if (name.startsWith("dev.softdelete.spring.")) {
                try {
                    classes.add(Class.forName(name));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("The imports file lists a missing class " + name, e);
                }
            }
        }
        return classes;
    }

    /** Boot's DataSource auto-configuration and ours. */
    static AutoConfigurations jdbc() {
        List<Class<?>> all = new ArrayList<>(List.of(DataSourceAutoConfiguration.class));
        all.addAll(ours());
        return AutoConfigurations.of(all.toArray(Class<?>[]::new));
    }

    /** Boot's DataSource, transaction and Hibernate JPA auto-configurations and ours. */
    static AutoConfigurations jpa() {
        List<Class<?>> all = new ArrayList<>(List.of(DataSourceAutoConfiguration.class,
                TransactionAutoConfiguration.class, HibernateJpaAutoConfiguration.class));
        all.addAll(ours());
        return AutoConfigurations.of(all.toArray(Class<?>[]::new));
    }

    /** {@code spring.datasource.*} for an isolated test database: Boot builds the application's pool. */
    static String[] dataSource(IsolatedDatabase db) {
        return new String[] {"spring.datasource.url=" + db.jdbcUrl(), "spring.datasource.username=" + db.user(),
                "spring.datasource.password=" + db.password()};
    }
}
