package dev.softdelete.hibernate.internal.bootstrap;

import dev.softdelete.hibernate.SoftDeletable;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.hibernate.internal.mapping.CoalescingReads;
import dev.softdelete.hibernate.internal.mapping.MappingBinder;
import java.util.Map;
import org.hibernate.boot.ResourceStreamLocator;
import org.hibernate.boot.spi.AdditionalMappingContributions;
import org.hibernate.boot.spi.AdditionalMappingContributor;
import org.hibernate.boot.spi.InFlightMetadataCollector;
import org.hibernate.boot.spi.MetadataBuildingContext;
import org.hibernate.engine.spi.FilterDefinition;
import org.hibernate.mapping.RootClass;

/**
 * Service-loaded second step: after Hibernate has bound every entity and collection, finds the
 * {@link SoftDeletable} hierarchies, makes their delete a soft delete, restricts their default view
 * to active rows in the mapping and registers the two scope filters (enabled by
 * {@code SoftDeleteScope} only, applied to load by key too), see
 * {@link dev.softdelete.hibernate.internal.mapping.ViewMarkers}. Also sets how
 * {@link dev.softdelete.hibernate.CoalescingRead} attributes are read, from their field migration's phase.
 */
public final class SoftDeleteMappingContributor implements AdditionalMappingContributor {

    @Override
    public String getContributorName() {
        return "softdelete";
    }

    @Override
    public void contribute(AdditionalMappingContributions contributions, InFlightMetadataCollector metadata,
            ResourceStreamLocator resources, MetadataBuildingContext context) {
        SoftDeleteRuntime runtime = SoftDeleteRuntime.from(context.getBootstrapContext().getServiceRegistry());
        if (runtime == null) {
            return;
        }
        CoalescingReads.bind(metadata.getEntityBindings(), runtime::core);
        MappingBinder binder = new MappingBinder(runtime.mappings(), runtime.markers(), MarkingStateManagement.class);
        boolean any = false;
        for (var entity : metadata.getEntityBindings()) {
            if (entity instanceof RootClass root && root.getMappedClass() != null
                    && root.getMappedClass().isAnnotationPresent(SoftDeletable.class)) {
                binder.bindHierarchy(root, root.getMappedClass().getAnnotation(SoftDeletable.class));
                any = true;
            }
        }
        if (!any) {
            return;
        }
        binder.bindChildren(metadata.getEntityBindings());
        binder.bindCollectionFilters(metadata.getCollectionBindings());
        binder.bindToOneReferences(metadata.getEntityBindings());
        metadata.addFilterDefinition(new FilterDefinition(SoftDeleteSettings.INCLUDE_DELETED_FILTER, null, false, true,
                Map.of(), Map.of()));
        metadata.addFilterDefinition(new FilterDefinition(SoftDeleteSettings.DELETED_FILTER, null, false, true,
                Map.of(), Map.of()));
    }
}
