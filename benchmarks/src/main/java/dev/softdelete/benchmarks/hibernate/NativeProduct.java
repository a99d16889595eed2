package dev.softdelete.benchmarks.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;

/** Hibernate's native side: {@code @SoftDelete(strategy = TIMESTAMP)} on an identical table. */
@Entity
@Table(name = "products_native")
@SoftDelete(strategy = SoftDeleteType.TIMESTAMP, columnName = "deleted_at")
public class NativeProduct {

    @Id
    Long id;
    String sku;
    String name;
    String category;
    long price;
}
