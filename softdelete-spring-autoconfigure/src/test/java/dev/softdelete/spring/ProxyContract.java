package dev.softdelete.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.hibernate.HibernateSoftDelete;
import dev.softdelete.proxy.SoftDeleteProxy;
import dev.softdelete.proxy.leak.LeakReport;
import dev.softdelete.spring.gadget.Gadget;
import dev.softdelete.testing.DatabaseTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The JDBC proxy wired around the application's DataSource by a BeanPostProcessor, on each database. */
public abstract class ProxyContract extends DatabaseTest {

    @Configuration(proxyBeanMethods = false)
    @EntityScan(basePackageClasses = Gadget.class)
    static class GadgetConfiguration {
    }

    @BeforeAll
    void tables() {
        String ts = database().localTimestampType();
        db.execute("CREATE TABLE leaky (id BIGINT PRIMARY KEY, deleted_at " + ts + ")",
                "CREATE TABLE legacy (id BIGINT PRIMARY KEY, old_code VARCHAR(10))",
                "CREATE TABLE gadgets (id BIGINT PRIMARY KEY, name VARCHAR(100), deleted_at " + ts
                        + ", deleted_by VARCHAR(100))");
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(BootAutoConfigurations.jpa())
                .withUserConfiguration(GadgetConfiguration.class)
                .withPropertyValues(BootAutoConfigurations.dataSource(db))
                .withPropertyValues("spring.jpa.hibernate.ddl-auto=none");
    }

    private static void query(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeQuery(sql).close();
        }
    }

    @Test
    void wrapsTheDataSourceWithoutACycleAndReportsALeakingNativeSelect() {
        runner().withPropertyValues("softdelete.proxy.enabled=true", "softdelete.proxy.soft-deletable.leaky=deleted_at")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(HibernateSoftDelete.class);
                    DataSource dataSource = context.getBean(DataSource.class);
                    assertThat(dataSource.isWrapperFor(SoftDeleteProxy.class)).isTrue();
                    SoftDelete sd = context.getBean(SoftDelete.class);
                    assertThat(sd.dataSource()).as("SoftDelete keeps the raw pool").isNotSameAs(dataSource)
                            .isSameAs(dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class));
                    query(dataSource, "SELECT id FROM leaky");
                    query(dataSource, "SELECT id FROM leaky WHERE deleted_at IS NULL");
                    SoftDeleteProxy proxy = dataSource.unwrap(SoftDeleteProxy.class);
                    assertThat(proxy.leaks()).extracting(LeakReport::table)
                            .anySatisfy(t -> assertThat(t).isEqualToIgnoringCase("leaky"));
                    assertThat(proxy.leaks()).filteredOn(l -> l.table().equalsIgnoreCase("leaky"))
                            .extracting(LeakReport::count).containsExactly(1L);
                });
    }

    @Test
    void strictModeAndWatchedElementsComeFromProperties() {
        runner().withPropertyValues("softdelete.proxy.enabled=true", "softdelete.proxy.strict=true",
                "softdelete.proxy.watch=legacy.old_code", "softdelete.proxy.quiet-period=2h",
                "softdelete.proxy.application-packages=com.example.shop")
                .run(context -> {
                    DataSource dataSource = context.getBean(DataSource.class);
                    assertThatThrownBy(() -> query(dataSource, "SELECT old_code FROM legacy"))
                            .isInstanceOf(SQLException.class);
                    query(dataSource, "SELECT id FROM legacy");
                    SoftDeleteProperties.Proxy proxy = context.getBean(SoftDeleteProperties.class).getProxy();
                    assertThat(proxy.getQuietPeriod()).hasHours(2);
                    assertThat(proxy.getApplicationPackages()).containsExactly("com.example.shop");
                });
    }

    @Test
    void notWrappedUnlessEnabled() {
        runner().run(context -> assertThat(context.getBean(DataSource.class).isWrapperFor(SoftDeleteProxy.class))
                .isFalse());
        runner().withPropertyValues("softdelete.proxy.enabled=true", "softdelete.enabled=false")
                .run(context -> assertThat(context.getBean(DataSource.class).isWrapperFor(SoftDeleteProxy.class))
                        .isFalse());
    }
}
