package dev.softdelete.samples.catalogue;

import dev.softdelete.hibernate.SoftDeletable;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** A product of the demo catalogue: one annotation makes it soft-deletable. */
@Entity
@Table(name = "products")
@SoftDeletable(deletedBy = "deleted_by")
public class CatalogueProduct {

    @Id
    public Long id;
    public String sku;
    public String name;
    @Column(name = "owner_id")
    public Long ownerId;
    @Column(name = "updated_at")
    public LocalDateTime updatedAt;

    @OneToMany(mappedBy = "product", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<CatalogueAttribute> attributes = new ArrayList<>();

    @OneToMany(mappedBy = "product", cascade = CascadeType.REMOVE)
    public List<CatalogueAssetLink> assets = new ArrayList<>();

    protected CatalogueProduct() {
    }

    public CatalogueProduct(long id, String sku, String name, LocalDateTime updatedAt) {
        this.id = id;
        this.sku = sku;
        this.name = name;
        this.updatedAt = updatedAt;
    }
}
