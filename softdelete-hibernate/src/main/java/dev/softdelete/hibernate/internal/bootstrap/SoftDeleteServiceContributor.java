package dev.softdelete.hibernate.internal.bootstrap;

import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.service.spi.ServiceContributor;

/**
 * Service-loaded first step of the integration: creates the {@link SoftDeleteRuntime} and installs
 * the {@link SoftDeleteStatementInspector}, chained in front of any inspector already configured.
 */
public final class SoftDeleteServiceContributor implements ServiceContributor {

    @Override
    public void contribute(StandardServiceRegistryBuilder builder) {
        var settings = builder.getSettings();
        if (settings.get(SoftDeleteRuntime.SETTING) instanceof SoftDeleteRuntime) {
            return;
        }
        SoftDeleteRuntime runtime = new SoftDeleteRuntime(settings);
        builder.applySetting(SoftDeleteRuntime.SETTING, runtime);
        builder.applySetting(AvailableSettings.STATEMENT_INSPECTOR,
                new SoftDeleteStatementInspector(runtime, settings.get(AvailableSettings.STATEMENT_INSPECTOR)));
    }
}
