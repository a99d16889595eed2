package dev.softdelete.hibernate.internal.bootstrap;

import dev.softdelete.hibernate.SoftDeleteSettings;
import java.util.Map;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.service.spi.ServiceContributor;

/**
 * Service-loaded first step of the integration: creates the {@link SoftDeleteRuntime}, installs
 * the {@link SoftDeleteStatementInspector}, chained in front of any inspector already configured,
 * and Hibernate's JDBC services with a mutation executor that counts softened bulk deletes
 * ({@link CountingJdbcServices}).
 * Does nothing when {@link SoftDeleteSettings#INTEGRATION_ENABLED} is {@code false}.
 */
public final class SoftDeleteServiceContributor implements ServiceContributor {

    @Override
    public void contribute(StandardServiceRegistryBuilder builder) {
        var settings = builder.getSettings();
        if (!enabled(settings) || settings.get(SoftDeleteRuntime.SETTING) instanceof SoftDeleteRuntime) {
            return;   // without a runtime, the mapping contributor and the integrator do nothing
        }
        SoftDeleteRuntime runtime = new SoftDeleteRuntime(settings);
        builder.applySetting(SoftDeleteRuntime.SETTING, runtime);
        builder.addInitiator(CountingJdbcServices.initiator(runtime));
        builder.applySetting(AvailableSettings.STATEMENT_INSPECTOR,
                new SoftDeleteStatementInspector(runtime, settings.get(AvailableSettings.STATEMENT_INSPECTOR)));
    }

    /** Whether {@link SoftDeleteSettings#INTEGRATION_ENABLED} leaves the integration on (Boolean or text). */
    static boolean enabled(Map<String, Object> settings) {
        Object value = settings.get(SoftDeleteSettings.INTEGRATION_ENABLED);
        return value == null || !"false".equalsIgnoreCase(value.toString().trim());
    }
}
