package dev.softdelete.benchmarks.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A plain entity (not soft-deletable), mapped in both session factories: the "tax" on unrelated queries. */
@Entity
@Table(name = "items")
public class BenchItem {

    @Id
    Long id;
    String sku;
    String name;
    String category;
    long price;
}
