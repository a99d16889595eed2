package dev.softdelete.hibernate.model;

import dev.softdelete.hibernate.SoftDeletable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Eager to-one on purpose: shows what a reference to a deleted parent gives. */
@Entity
@Table(name = "product_attributes")
@SoftDeletable
public class ProductAttribute {

    @Id
    public Long id;
    @Column(name = "attr_key")
    public String key;

    @ManyToOne
    @JoinColumn(name = "product_id")
    public Product product;

    protected ProductAttribute() {
    }

    public ProductAttribute(long id, Product product, String key) {
        this.id = id;
        this.product = product;
        this.key = key;
        product.attributes.add(this);
    }
}
