package dev.softdelete.samples.spring;

import dev.softdelete.samples.catalogue.CatalogueProduct;
import org.springframework.data.jpa.repository.JpaRepository;

/** Products as Spring Data sees them: deleted ones are hidden by the mapping, no filter needed. */
interface ProductRepository extends JpaRepository<CatalogueProduct, Long> {
}
