package dev.softdelete.benchmarks.hibernate;

import dev.softdelete.hibernate.SoftDeletable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** softdelete's side of the comparison. */
@Entity
@Table(name = "products_sd")
@SoftDeletable(deletedBy = "deleted_by")
public class BenchProduct {

    @Id
    Long id;
    String sku;
    String name;
    String category;
    long price;
}
