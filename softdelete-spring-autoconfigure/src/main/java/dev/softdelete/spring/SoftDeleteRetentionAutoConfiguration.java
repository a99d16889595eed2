package dev.softdelete.spring;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.purge.RetentionPolicy;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.support.CronExpression;

/**
 * Enqueues {@code softdelete.retention.policies} on their cron schedules, once per tick across all
 * instances ({@link SoftDeleteRetentionSchedule}). Bad settings (a table name that is not a plain
 * identifier, a retention that is not positive, an invalid cron expression) fail the start-up.
 */
@AutoConfiguration(after = SoftDeleteAutoConfiguration.class)
@ConditionalOnBean(SoftDelete.class)
@ConditionalOnProperty(prefix = "softdelete.retention", name = "enabled", havingValue = "true", matchIfMissing = true)
public class SoftDeleteRetentionAutoConfiguration {

    /**
     * The schedule of the configured policies, started and stopped with the context (none
     * configured: a schedule that does nothing).
     */
    @Bean
    @ConditionalOnMissingBean
    public SoftDeleteRetentionSchedule softDeleteRetentionSchedule(SoftDelete softDelete, SoftDeleteProperties properties) {
        List<SoftDeleteRetentionSchedule.Entry> entries = new ArrayList<>();
        List<SoftDeleteProperties.Policy> policies = properties.getRetention().getPolicies();
        for (int i = 0; i < policies.size(); i++) {
            entries.add(entry(policies.get(i), "softdelete.retention.policies[" + i + "]"));
        }
        return new SoftDeleteRetentionSchedule(softDelete.cleanup().queue(), softDelete.clock(), entries);
    }

    static SoftDeleteRetentionSchedule.Entry entry(SoftDeleteProperties.Policy p, String property) {
        if (p.getTable() == null || p.getTable().isBlank()) {
            throw new IllegalArgumentException(property + ".table is required");
        }
        if (!CronExpression.isValidExpression(p.getSchedule())) {
            throw new IllegalArgumentException(property + ".schedule '" + p.getSchedule() + "' is not a valid cron"
                    + " expression (six fields: second minute hour day-of-month month day-of-week)");
        }
        if (p.getSlices() < 1) {
            throw new IllegalArgumentException(property + ".slices must be at least 1, got " + p.getSlices());
        }
        RetentionPolicy policy = RetentionPolicy.purge(p.getTable()).withAction(p.getAction());
        if (p.getRetention() != null) {
            policy = policy.withRetention(p.getRetention());
        }
        if (p.getArchiveTable() != null) {
            policy = policy.withArchiveTable(p.getArchiveTable());
        }
        if (p.getArchiveRetention() != null) {
            policy = policy.withArchiveRetention(p.getArchiveRetention());
        }
        if (p.getBatchSize() != null) {
            policy = policy.withBatchSize(p.getBatchSize());
        }
        String name = "retention:" + policy.table() + ":" + policy.action().name().toLowerCase(java.util.Locale.ROOT);
        return new SoftDeleteRetentionSchedule.Entry(name, CronExpression.parse(p.getSchedule()), p.getZone(), policy,
                p.getSlices());
    }
}
