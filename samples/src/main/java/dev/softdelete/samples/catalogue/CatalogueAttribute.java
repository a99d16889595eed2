package dev.softdelete.samples.catalogue;

import dev.softdelete.hibernate.SoftDeletable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A product attribute (orphan removal: removing it from the product soft-deletes it). */
@Entity
@Table(name = "product_attributes")
@SoftDeletable(deletedBy = "deleted_by")
public class CatalogueAttribute {

    @Id
    public Long id;
    @Column(name = "attr_key")
    public String key;
    @Column(name = "attr_value")
    public String value;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "product_id")
    public CatalogueProduct product;

    protected CatalogueAttribute() {
    }

    public CatalogueAttribute(long id, CatalogueProduct product, String key, String value) {
        this.id = id;
        this.product = product;
        this.key = key;
        this.value = value;
        product.attributes.add(this);
    }
}
