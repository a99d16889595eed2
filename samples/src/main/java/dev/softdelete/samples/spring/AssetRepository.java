package dev.softdelete.samples.spring;

import dev.softdelete.samples.catalogue.CatalogueAsset;
import org.springframework.data.jpa.repository.JpaRepository;

/** Assets as Spring Data sees them: deleted ones are hidden by the mapping, no filter needed. */
interface AssetRepository extends JpaRepository<CatalogueAsset, Long> {
}
