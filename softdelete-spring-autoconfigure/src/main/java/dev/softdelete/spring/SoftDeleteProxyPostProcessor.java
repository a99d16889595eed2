package dev.softdelete.spring;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.alert.AlertListener;
import dev.softdelete.proxy.SoftDeleteProxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;

/**
 * Wraps the application's {@link DataSource} beans in a {@link SoftDeleteProxy}, without a bean
 * cycle: the wrapper builds the proxy on its first connection, and only then asks for the
 * {@link SoftDelete} bean, which itself is built on the unwrapped data source.
 */
final class SoftDeleteProxyPostProcessor implements BeanPostProcessor, DisposableBean {

    private final ObjectProvider<SoftDelete> softDelete;
    private final ObjectProvider<AlertListener> alerts;
    private final ObjectProvider<SoftDeleteProperties> properties;
    private final BeanFactory beanFactory;
    private final List<LazySoftDeleteProxyDataSource> wrapped = new ArrayList<>();

    SoftDeleteProxyPostProcessor(ObjectProvider<SoftDelete> softDelete, ObjectProvider<AlertListener> alerts,
            ObjectProvider<SoftDeleteProperties> properties, BeanFactory beanFactory) {
        this.softDelete = softDelete;
        this.alerts = alerts;
        this.properties = properties;
        this.beanFactory = beanFactory;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof DataSource dataSource) || bean instanceof SoftDeleteProxy
                || bean instanceof UnwrappableDataSource) {
            return bean;
        }
        LazySoftDeleteProxyDataSource lazy = new LazySoftDeleteProxyDataSource(dataSource, this::build);
        synchronized (wrapped) {
            wrapped.add(lazy);
        }
        return lazy;
    }

    private SoftDeleteProxy build(DataSource target) {
        SoftDeleteProperties.Proxy settings = properties.getObject().getProxy();
        SoftDeleteProxy.Builder builder = SoftDeleteProxy.builder(target)
                .strict(settings.isStrict())
                .quietPeriod(settings.getQuietPeriod())
                .alerts(alerts.getIfAvailable(AlertListener::logging));
        settings.getWatch().forEach(builder::watch);
        for (Map.Entry<String, String> table : settings.getSoftDeletable().entrySet()) {
            builder.softDeletable(table.getKey(), table.getValue());
        }
        List<String> packages = settings.getApplicationPackages();
        if (packages.isEmpty() && AutoConfigurationPackages.has(beanFactory)) {
            packages = AutoConfigurationPackages.get(beanFactory);
        }
        builder.applicationPackages(packages.stream().map(p -> p.endsWith(".") ? p : p + ".")
                .toArray(String[]::new));
        SoftDelete core = softDelete.getIfAvailable();
        // Telemetry (persisted usage, registry, softDelete.tables()) only for the data source SoftDelete works on.
        if (core != null && core.dataSource() == target) {
            builder.telemetry(core);
        }
        return builder.build();
    }

    @Override
    public void destroy() {
        synchronized (wrapped) {
            wrapped.forEach(LazySoftDeleteProxyDataSource::closeProxy);
        }
    }
}
