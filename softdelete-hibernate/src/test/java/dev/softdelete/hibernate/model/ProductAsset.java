package dev.softdelete.hibernate.model;

import dev.softdelete.hibernate.SoftDeletable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "product_assets")
@SoftDeletable(deletedBy = "deleted_by")
public class ProductAsset {

    @Id
    public Long id;
    public String url;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "product_id")
    public Product product;

    protected ProductAsset() {
    }

    public ProductAsset(long id, Product product, String url) {
        this.id = id;
        this.product = product;
        this.url = url;
        product.assets.add(this);
    }
}
